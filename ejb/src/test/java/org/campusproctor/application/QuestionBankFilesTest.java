package org.campusproctor.application;

import org.campusproctor.application.QuestionBankFiles.Item;
import org.campusproctor.application.QuestionBankFiles.QuestionBank;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ProctoringSettings;
import org.campusproctor.domain.exam.QuestionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionBankFilesTest {

    private static Exam draft() {
        return new Exam("e1", "Bank", null, Duration.ofMinutes(30), null, null, new BigDecimal("50"), false, false,
                ProctoringSettings.defaults(), "registrar", Instant.now());
    }

    @Test
    void everyTypeAndKeyTravelsThroughTheFile() {
        Exam source = draft();
        source.addQuestion(QuestionType.SINGLE_CHOICE, "2+2?", BigDecimal.ONE, List.of("3", "4"), AnswerKey.choices(Set.of(1)));
        source.addQuestion(QuestionType.MULTIPLE_CHOICE, "Primes?", new BigDecimal("2"), List.of("2", "4", "5"),
                AnswerKey.choices(Set.of(0, 2)));
        source.addQuestion(QuestionType.TRUE_FALSE, "Wet?", BigDecimal.ONE, List.of(), AnswerKey.trueFalse(false));
        source.addQuestion(QuestionType.SHORT_TEXT, "Capital?", BigDecimal.ONE, List.of(), AnswerKey.text(List.of("Paris", "paris"), true));
        source.addQuestion(QuestionType.NUMERIC, "Pi?", new BigDecimal("1.5"), List.of(),
                AnswerKey.numeric(new BigDecimal("3.14"), new BigDecimal("0.01")));
        source.addQuestion(QuestionType.ESSAY, "Discuss", BigDecimal.TEN, List.of(), AnswerKey.none());
        List<Item> items = source.questions().stream().map(QuestionBankFiles::item).toList();
        byte[] file = QuestionBankFiles.toJson(new QuestionBank(QuestionBankFiles.FORMAT, "e1", "Bank", Instant.now(), items));

        Exam target = draft();
        QuestionBankFiles.addAll(target, QuestionBankFiles.parse(file).questions());
        assertEquals(items, target.questions().stream().map(QuestionBankFiles::item).toList());
        assertEquals(AnswerKey.text(List.of("Paris", "paris"), true), target.questions().get(3).key());
    }

    @Test
    void theFirstBadQuestionIsNamed() {
        String json = "{\"format\":1,\"questions\":[{\"type\":\"ESSAY\",\"prompt\":\"ok\",\"points\":1},"
                + "{\"type\":\"TRUE_FALSE\",\"prompt\":\"no key\",\"points\":1}]}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QuestionBankFiles.addAll(draft(),
                QuestionBankFiles.parse(json.getBytes(StandardCharsets.UTF_8)).questions()));
        assertTrue(e.getMessage().startsWith("question 2: "), e.getMessage());
    }

    @Test
    void onlyBoundedFilesOfTheFormat() {
        for (String json : List.of("not json", "[]", "{\"format\":2,\"questions\":[{}]}", "{\"format\":1,\"questions\":[]}",
                "{\"format\":\"x\"}", "{\"questions\":[{\"type\":\"ESSAY\"}]}")) {
            assertThrows(InvalidInputException.class, () -> QuestionBankFiles.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        }
        assertThrows(InvalidInputException.class, () -> QuestionBankFiles.parse(new byte[QuestionBankFiles.MAX_BYTES + 1]));
        for (String item : List.of("{\"type\":\"MADE_UP\",\"prompt\":\"p\",\"points\":1}",
                "{\"type\":\"ESSAY\",\"prompt\":\"p\",\"points\":1001}", "{\"type\":\"ESSAY\",\"prompt\":\"p\",\"points\":1e-1000000}",
                "{\"type\":\"ESSAY\",\"prompt\":\"p\\u0000\",\"points\":1}",
                "{\"type\":\"SHORT_TEXT\",\"prompt\":\"p\",\"points\":1,\"acceptedAnswers\":[null]}",
                "{\"type\":\"SINGLE_CHOICE\",\"prompt\":\"p\",\"points\":1,\"choices\":[\"a\",\"b\"],\"correctChoices\":[null]}")) {
            byte[] file = ("{\"format\":1,\"questions\":[" + item + "]}").getBytes(StandardCharsets.UTF_8);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> QuestionBankFiles.addAll(draft(), QuestionBankFiles.parse(file).questions()), item);
            assertTrue(e.getMessage().startsWith("question 1: "), e.getMessage());
        }
    }
}
