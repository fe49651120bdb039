package org.campusproctor.vision.pipeline;

/**
 * An enrolment photo that cannot serve as the candidate's reference, with the reason a registrar or proctor is shown.
 * A {@link CorruptFrameException}: analysing the same photo again gives the same answer.
 */
public class EnrolmentRefusedException extends CorruptFrameException {

    /** Why the photo was refused. */
    public enum Reason {
        NO_FACE("The photo shows no face"),
        SEVERAL_FACES("The photo shows more than one face"),
        SPOOF("The photo looks like a photo of a screen or a print, not of a person"),
        FACE_CUT_OFF("The face is cut off at the edge of the photo");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public EnrolmentRefusedException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
