package org.campusproctor.domain.exam;

import org.campusproctor.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bounded responses: refused when saved, never parsed unboundedly when scored. */
class ResponsesTest {

    final Exam exam = new Exam("e", "Physics", null, Duration.ofMinutes(30), null, null, new BigDecimal("50"),
            false, false, ProctoringSettings.defaults(), "reg", Instant.EPOCH);
    final Question numeric = exam.addQuestion(QuestionType.NUMERIC, "g?", new BigDecimal("2"), List.of(),
            AnswerKey.numeric(new BigDecimal("9.81"), new BigDecimal("0.01")));

    @ParameterizedTest
    @ValueSource(strings = {"1e-30000000", "1E+30000000", "1e2147483648", "-1e-999999999999", "1E101", "1e-101", "0.5e0101"})
    void hugeExponentsAreRefusedAtSaveAndScoreZeroWithoutParsing(String response) {
        assertThrows(InvalidInputException.class, () -> numeric.checkResponse(response));
        // defensively: an answer saved before the bounds existed scores 0, at once (this took 16 s per answer before)
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertEquals(Optional.of(new BigDecimal("0.00")),
                numeric.autoScore(response)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.81", " 9.815 ", "981e-2", "+9.8100", ".981E1", "1e100", "1E-100", "9.", "0e0000000"})
    void boundedDecimalsAreAcceptedAndParsed(String response) {
        numeric.checkResponse(response);
        assertEquals(Responses.numeric(response), Optional.of(new BigDecimal(response.trim())));
    }

    @Test
    void textThatIsNoNumberIsStillSavedAndScoresZero() {
        for (String response : List.of("about ten", "9,81", "NaN", "Infinity", "", "   ", "٩٫٨")) {
            numeric.checkResponse(response);
            assertEquals(Optional.of(new BigDecimal("0.00")), numeric.autoScore(response), response);
        }
        numeric.checkResponse(null);
    }

    @Test
    void everyTypeHasALengthLimit() {
        Question essay = exam.addQuestion(QuestionType.ESSAY, "Discuss", BigDecimal.TEN, List.of(), null);
        essay.checkResponse("x".repeat(Responses.MAX_ESSAY_LENGTH));
        assertThrows(InvalidInputException.class, () -> essay.checkResponse("x".repeat(Responses.MAX_ESSAY_LENGTH + 1)));
        Question text = exam.addQuestion(QuestionType.SHORT_TEXT, "Name?", BigDecimal.ONE, List.of(), AnswerKey.text(List.of("a"), false));
        text.checkResponse("x".repeat(1000));
        assertThrows(InvalidInputException.class, () -> text.checkResponse("x".repeat(1001)));
        assertThrows(InvalidInputException.class, () -> numeric.checkResponse("9".repeat(41)));
        for (QuestionType type : QuestionType.values()) {
            int max = Responses.maxLength(type);
            Responses.check(type, " ".repeat(max));
            assertThrows(InvalidInputException.class, () -> Responses.check(type, " ".repeat(max + 1)), type.name());
        }
    }

    @Test
    void numericKeysFitTheirColumn() {
        assertThrows(InvalidInputException.class, () -> numeric.changeKey(AnswerKey.numeric(new BigDecimal("1e-30000000"), null)));
        assertThrows(InvalidInputException.class, () -> numeric.changeKey(AnswerKey.numeric(new BigDecimal("1e+30000000"), null)));
        assertThrows(InvalidInputException.class, () -> numeric.changeKey(AnswerKey.numeric(BigDecimal.ONE, new BigDecimal("1e-200"))));
        numeric.changeKey(AnswerKey.numeric(new BigDecimal("3.14159265358979323846"), new BigDecimal("0.01")));
        assertEquals(new BigDecimal("3.1415926536"), numeric.key().numericAnswer(), "rounded to the column's 10 decimals");
    }
}
