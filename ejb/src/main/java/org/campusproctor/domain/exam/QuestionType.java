package org.campusproctor.domain.exam;

/**
 * Question types and the shape of a candidate's response (a string, as typed or clicked):
 * SINGLE_CHOICE "2" (option index), MULTIPLE_CHOICE "0,2", TRUE_FALSE "true"/"false", SHORT_TEXT free text,
 * NUMERIC a decimal such as "3.14", ESSAY free text (graded by a person).
 */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, SHORT_TEXT, NUMERIC, ESSAY;

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean isManuallyGraded() {
        return this == ESSAY;
    }
}
