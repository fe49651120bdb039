package org.campusproctor.domain.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Automatic scoring of one response. Rules (points are rounded half-up to 2 decimals):
 * <ul>
 * <li>single choice, true/false: full points for the correct value, else 0;</li>
 * <li>multiple choice (partial credit): points x (correct selected - wrong selected) / number of correct options,
 *     floored at 0, so ticking every box earns nothing and an invalid index counts as a wrong selection;</li>
 * <li>short text: trimmed, inner whitespace collapsed, compared with each accepted answer (ignoring case unless the
 *     key is case-sensitive);</li>
 * <li>numeric: full points when |response - key| &lt;= tolerance; a response that is no decimal within
 *     {@link Responses}' bounds scores 0 without being parsed;</li>
 * <li>essay: no automatic score ({@code Optional.empty()}): a grader decides.</li>
 * </ul>
 * A blank response always earns 0.
 */
public final class Scoring {

    private Scoring() {
    }

    public static Optional<BigDecimal> score(QuestionType type, AnswerKey key, BigDecimal points, int optionCount,
                                             String response) {
        if (type.isManuallyGraded()) {
            return Optional.empty();
        }
        if (response == null || response.isBlank()) {
            return Optional.of(zero());
        }
        BigDecimal fraction = switch (type) {
            case SINGLE_CHOICE -> singleChoice(key, response);
            case MULTIPLE_CHOICE -> multipleChoice(key, optionCount, response);
            case TRUE_FALSE -> trueFalse(key, response);
            case SHORT_TEXT -> shortText(key, response);
            case NUMERIC -> numeric(key, response);
            case ESSAY -> throw new IllegalStateException("unreachable");
        };
        return Optional.of(points.multiply(fraction).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal singleChoice(AnswerKey key, String response) {
        Set<Integer> selected = parseIndexes(response);
        return selected.size() == 1 && key.correctChoices().containsAll(selected) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static BigDecimal multipleChoice(AnswerKey key, int optionCount, String response) {
        Set<Integer> selected = parseIndexes(response);
        int correctCount = key.correctChoices().size();
        if (correctCount == 0) {
            return BigDecimal.ZERO;
        }
        int right = 0;
        int wrong = 0;
        for (int index : selected) {
            if (key.correctChoices().contains(index)) {
                right++;
            } else {
                wrong++; // includes indexes outside 0..optionCount-1
            }
        }
        int net = Math.max(0, right - wrong);
        return BigDecimal.valueOf(net).divide(BigDecimal.valueOf(correctCount), 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal trueFalse(AnswerKey key, String response) {
        String value = response.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            return BigDecimal.ZERO;
        }
        return Boolean.valueOf(value).equals(key.correctBoolean()) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static BigDecimal shortText(AnswerKey key, String response) {
        String given = normalise(response);
        for (String accepted : key.acceptedAnswers()) {
            String expected = normalise(accepted);
            boolean match = key.caseSensitive() ? given.equals(expected)
                    : given.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
            if (match) {
                return BigDecimal.ONE;
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal numeric(AnswerKey key, String response) {
        if (key.numericAnswer() == null) {
            return BigDecimal.ZERO;
        }
        Optional<BigDecimal> given = Responses.numeric(response); // bounded: never a number of millions of digits
        if (given.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal tolerance = key.tolerance() == null ? BigDecimal.ZERO : key.tolerance().abs();
        return given.get().subtract(key.numericAnswer()).abs().compareTo(tolerance) <= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** "0, 2" -> {0, 2}; anything that is not an index becomes -1 (a wrong selection). */
    static Set<Integer> parseIndexes(String response) {
        Set<Integer> indexes = new HashSet<>();
        for (String part : response.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                indexes.add(Integer.parseInt(trimmed));
            } catch (NumberFormatException e) {
                indexes.add(-1);
            }
        }
        return indexes;
    }

    static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Total of a list of point values, scale 2. */
    public static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(zero(), BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
