package org.campusproctor.domain.exam;

import org.campusproctor.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Automatic scoring of every question type, through the Question entity as the services use it. */
class ScoringTest {

    final Exam exam = new Exam("e", "Algebra", null, Duration.ofMinutes(30), null, null, new BigDecimal("50"),
            true, true, ProctoringSettings.defaults(), "reg", Instant.EPOCH);

    @ParameterizedTest(name = "single choice {0} -> {1}")
    @CsvSource(delimiter = ';', value = {"2;4.00", "1;0.00", "'';0.00", "2,1;0.00", "x;0.00", " 2 ;4.00"})
    void singleChoice(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.SINGLE_CHOICE, "2+2?", new BigDecimal("4"), List.of("3", "5", "4"),
                AnswerKey.choices(Set.of(2)));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @ParameterizedTest(name = "multiple choice {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0,2,3;6.00",      // all three correct
            "0,2;4.00",        // 2 of 3
            "0;2.00",          // 1 of 3
            "0,1;0.00",        // 1 right - 1 wrong
            "0,2,1;2.00",      // 2 right - 1 wrong = 1/3
            "0,1,2,3,4;2.00",  // everything: 3 - 2 = 1/3
            "1,4;0.00",        // floored at 0
            "0,2,9;2.00",      // invalid index counts as wrong
            "'';0.00"})
    void multipleChoicePartialCredit(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.MULTIPLE_CHOICE, "primes?", new BigDecimal("6"),
                List.of("2", "4", "3", "5", "9"), AnswerKey.choices(Set.of(0, 2, 3)));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @ParameterizedTest(name = "true/false {0} -> {1}")
    @CsvSource(delimiter = ';', value = {"true;1.00", "TRUE;1.00", "false;0.00", "yes;0.00"})
    void trueFalse(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.TRUE_FALSE, "Sky is blue", BigDecimal.ONE, List.of(), AnswerKey.trueFalse(true));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @ParameterizedTest(name = "short text ci {0} -> {1}")
    @CsvSource(delimiter = ';', value = {"Paris;2.00", "  paris ;2.00", "PARIS;2.00", "Paris, France;2.00",
            "Paris,   France;2.00", "Lyon;0.00"})
    void shortTextIgnoringCase(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.SHORT_TEXT, "Capital?", new BigDecimal("2"), List.of(),
                AnswerKey.text(List.of("Paris", "Paris, France"), false));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @ParameterizedTest(name = "short text cs {0} -> {1}")
    @CsvSource(delimiter = ';', value = {"NaCl;1.00", "nacl;0.00", " NaCl ;1.00"})
    void shortTextCaseSensitive(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.SHORT_TEXT, "Salt?", BigDecimal.ONE, List.of(),
                AnswerKey.text(List.of("NaCl"), true));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @ParameterizedTest(name = "numeric {0} -> {1}")
    @CsvSource(delimiter = ';', value = {"3.14;3.00", "3.1416;3.00", "3.15;3.00", "3.16;0.00", "3.13;3.00",
            "3.12;0.00", "pi;0.00", "-3.14;0.00"})
    void numericWithTolerance(String response, String expected) {
        Question q = exam.addQuestion(QuestionType.NUMERIC, "pi to 2dp", new BigDecimal("3"), List.of(),
                AnswerKey.numeric(new BigDecimal("3.14"), new BigDecimal("0.01")));
        assertEquals(Optional.of(new BigDecimal(expected)), q.autoScore(response));
    }

    @Test
    void essayIsGradedByAPerson() {
        Question q = exam.addQuestion(QuestionType.ESSAY, "Discuss", new BigDecimal("10"), List.of(), null);
        assertEquals(Optional.empty(), q.autoScore("A long essay"));
        assertTrue(q.type().isManuallyGraded());
    }

    @Test
    void keysAreValidated() {
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.SINGLE_CHOICE, "?", BigDecimal.ONE,
                List.of("a", "b"), AnswerKey.choices(Set.of(0, 1))));
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.MULTIPLE_CHOICE, "?", BigDecimal.ONE,
                List.of("a", "b"), AnswerKey.choices(Set.of(5))));
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.SINGLE_CHOICE, "?", BigDecimal.ONE,
                List.of("only"), AnswerKey.choices(Set.of(0))));
        assertThrows(InvalidInputException.class, () -> exam.addQuestion(QuestionType.NUMERIC, "?", BigDecimal.ONE,
                List.of(), AnswerKey.none()));
    }

    @Test
    void changingTheKeyChangesTheScore() {
        Question q = exam.addQuestion(QuestionType.SINGLE_CHOICE, "?", new BigDecimal("2"), List.of("a", "b"),
                AnswerKey.choices(Set.of(0)));
        assertEquals(Optional.of(new BigDecimal("0.00")), q.autoScore("1"));
        q.changeKey(AnswerKey.choices(Set.of(1)));
        assertEquals(Optional.of(new BigDecimal("2.00")), q.autoScore("1"));
    }

    @Test
    void shuffledOrderIsDeterministicPerSeed() {
        for (int i = 0; i < 8; i++) {
            exam.addQuestion(QuestionType.TRUE_FALSE, "q" + i, BigDecimal.ONE, List.of(), AnswerKey.trueFalse(true));
        }
        List<String> first = exam.questionsInOrder(12345L).stream().map(Question::prompt).toList();
        assertEquals(first, exam.questionsInOrder(12345L).stream().map(Question::prompt).toList());
        assertNotEquals(exam.questions().stream().map(Question::prompt).toList(), first, "shuffled");
        assertEquals(8, Set.copyOf(first).size());
        Question choice = exam.addQuestion(QuestionType.MULTIPLE_CHOICE, "?", BigDecimal.ONE,
                List.of("a", "b", "c", "d", "e"), AnswerKey.choices(Set.of(0)));
        assertEquals(exam.choiceOrder(choice, 99L), exam.choiceOrder(choice, 99L));
        assertEquals(Set.of(0, 1, 2, 3, 4), Set.copyOf(exam.choiceOrder(choice, 99L)));
    }

    @Test
    void publishedExamsAreFrozen() {
        exam.addQuestion(QuestionType.TRUE_FALSE, "q", BigDecimal.ONE, List.of(), AnswerKey.trueFalse(true));
        exam.publish();
        assertThrows(org.campusproctor.domain.RuleViolationException.class, () ->
                exam.addQuestion(QuestionType.TRUE_FALSE, "late", BigDecimal.ONE, List.of(), AnswerKey.trueFalse(true)));
        exam.checkOpenForAttempts(Instant.now());
        exam.archive();
        assertThrows(org.campusproctor.domain.RuleViolationException.class, () -> exam.checkOpenForAttempts(Instant.now()));
    }
}
