package org.campusproctor.domain.attempt;

/** What the automatic comparison of the candidate's identity-check photo with the enrolment photo found. */
public enum IdentityCheckOutcome {
    /** The face matches the enrolment photo: the attempt became READY without a proctor. */
    MATCHED,
    /** The face does not match the enrolment photo. */
    MISMATCH,
    /** The registration has no (usable) enrolment photo to compare with. */
    NO_ENROLMENT,
    /** The photo shows no face. */
    NO_FACE,
    /** The photo shows more than one face. */
    SEVERAL_FACES,
    /** The photo looks like a photo of a screen or a print. */
    SPOOF,
    /** The face is cut off at the edge of the photo. */
    FACE_CUT_OFF,
    /** The file could not be analysed. */
    UNUSABLE;

    /** Everything but a match waits for a proctor. */
    public boolean needsProctor() {
        return this != MATCHED;
    }
}
