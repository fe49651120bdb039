package org.campusproctor.domain.exam;

import org.campusproctor.domain.InvalidInputException;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a candidate's response may be, per question type: checked when an answer is saved, and the one bounded
 * parser of numeric responses. A decimal's cost grows with its exponent ("1e-30000000" is twelve characters and
 * millions of digits once compared with a key), so a numeric response is parsed only when it is short and its
 * exponent small; anything else is never parsed and scores 0.
 */
public final class Responses {

    public static final int MAX_CHOICE_LENGTH = 200;
    public static final int MAX_TRUE_FALSE_LENGTH = 10;
    public static final int MAX_SHORT_TEXT_LENGTH = 1000;
    public static final int MAX_NUMERIC_LENGTH = 40;
    public static final int MAX_ESSAY_LENGTH = 10_000;
    /** Largest |exponent| of a numeric response, e.g. 1E+100. */
    public static final int MAX_NUMERIC_EXPONENT = 100;

    /** A plain decimal with an optional exponent, ASCII digits only (what BigDecimal reads, minus the unbounded). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE]([+-]?\\d+))?");

    private Responses() {
    }

    public static int maxLength(QuestionType type) {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> MAX_CHOICE_LENGTH;
            case TRUE_FALSE -> MAX_TRUE_FALSE_LENGTH;
            case SHORT_TEXT -> MAX_SHORT_TEXT_LENGTH;
            case NUMERIC -> MAX_NUMERIC_LENGTH;
            case ESSAY -> MAX_ESSAY_LENGTH;
        };
    }

    /**
     * Refuses (400) what a question of this type can never accept: a response longer than its type allows, or a
     * number outside the bounds. Blank responses and text that is no number at all stay acceptable (they score 0).
     */
    public static void check(QuestionType type, String response) {
        if (response == null) {
            return;
        }
        int max = maxLength(type);
        if (response.length() > max) {
            throw new InvalidInputException(type + " responses are at most " + max + " characters");
        }
        if (type == QuestionType.NUMERIC && DECIMAL.matcher(response.trim()).matches() && numeric(response).isEmpty()) {
            throw new InvalidInputException("Numeric responses have an exponent between -" + MAX_NUMERIC_EXPONENT
                    + " and " + MAX_NUMERIC_EXPONENT);
        }
    }

    /** The response as a decimal, or empty when it is none within the bounds (too long, huge exponent, not a number). */
    public static Optional<BigDecimal> numeric(String response) {
        if (response == null) {
            return Optional.empty();
        }
        String text = response.trim();
        if (text.isEmpty() || text.length() > MAX_NUMERIC_LENGTH) {
            return Optional.empty();
        }
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String exponent = m.group(1);
        if (exponent != null) {
            String digits = exponent.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
            if (digits.length() > 3 || Integer.parseInt(digits) > MAX_NUMERIC_EXPONENT) {
                return Optional.empty();
            }
        }
        return Optional.of(new BigDecimal(text));
    }
}
