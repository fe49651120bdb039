package org.campusproctor.domain.attempt;

/** How a candidate's identity was confirmed before an attempt became READY. */
public enum IdentityVerification {
    /** A proctor compared the candidate, their ID and the enrolment photo. */
    PROCTOR,
    /** A face match of webcam frames against the enrolment photo passed. */
    FACE_MATCH
}
