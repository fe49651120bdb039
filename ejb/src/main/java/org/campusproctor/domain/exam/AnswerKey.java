package org.campusproctor.domain.exam;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What counts as correct for a question. Only the fields of the question's type are used:
 * choices: {@code correctChoices} (option indexes); true/false: {@code correctBoolean};
 * short text: {@code acceptedAnswers} and {@code caseSensitive}; numeric: {@code numericAnswer} and {@code tolerance}.
 */
public record AnswerKey(Set<Integer> correctChoices, Boolean correctBoolean, List<String> acceptedAnswers,
                        boolean caseSensitive, BigDecimal numericAnswer, BigDecimal tolerance) {

    public static AnswerKey choices(Set<Integer> correct) {
        return new AnswerKey(Set.copyOf(correct), null, List.of(), false, null, null);
    }

    public static AnswerKey trueFalse(boolean correct) {
        return new AnswerKey(Set.of(), correct, List.of(), false, null, null);
    }

    public static AnswerKey text(List<String> accepted, boolean caseSensitive) {
        return new AnswerKey(Set.of(), null, List.copyOf(accepted), caseSensitive, null, null);
    }

    public static AnswerKey numeric(BigDecimal value, BigDecimal tolerance) {
        return new AnswerKey(Set.of(), null, List.of(), false, value, tolerance == null ? BigDecimal.ZERO : tolerance);
    }

    public static AnswerKey none() {
        return new AnswerKey(Set.of(), null, List.of(), false, null, null);
    }
}
