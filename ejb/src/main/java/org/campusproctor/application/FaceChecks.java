package org.campusproctor.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.vision.FaceVerification;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.attempt.IdentityCheckOutcome;
import org.campusproctor.domain.exam.Exam;

/**
 * The face checks of enrolment and identity check, through the vision worker's {@link FaceVerification} (a local
 * EJB of the vision-worker module: the answer is needed while the registrar or candidate waits). Translates its
 * answers into the domain's terms.
 */
@ApplicationScoped
public class FaceChecks {

    /** Identity-check photos compared automatically per attempt; after that a proctor decides. */
    public static final int MAX_IDENTITY_PHOTOS = 5;

    @EJB
    private FaceVerification faces;

    /**
     * Refuses an enrolment photo that cannot serve as the reference (no face, several faces, a spoof, cut off).
     * @throws InvalidInputException with code {@code ENROLMENT_PHOTO_<PROBLEM>} and the reason
     */
    public void requireUsableEnrolment(String storageKey) {
        FaceVerification.EnrolmentCheck check = faces.checkEnrolment(storageKey);
        if (!check.accepted()) {
            throw new InvalidInputException("ENROLMENT_PHOTO_" + check.problem().name(),
                    "Enrolment photo refused: " + check.message());
        }
    }

    /** The result of comparing a live photo with the enrolment at the exam's threshold. */
    public record Result(IdentityCheckOutcome outcome, Double distance, double threshold, String message) {
    }

    /** Compares the identity-check photo with the enrolment photo (null: none) at the exam's threshold. */
    public Result compare(Exam exam, String enrolmentKey, String photoKey) {
        double threshold = IncidentThresholds.DEFAULTS.withOverrides(exam.proctoring().incidentThresholds()).maxMatchDistance();
        if (enrolmentKey == null) {
            // still check the photo itself: a usable one can become the enrolment once a proctor approves it
            FaceVerification.EnrolmentCheck check = faces.checkEnrolment(photoKey);
            return new Result(check.accepted() ? IdentityCheckOutcome.NO_ENROLMENT : outcome(check.problem()), null, threshold,
                    check.accepted() ? "No enrolment photo to compare with" : check.message());
        }
        FaceVerification.FaceComparison c = faces.compare(enrolmentKey, photoKey, threshold);
        IdentityCheckOutcome outcome = c.match() ? IdentityCheckOutcome.MATCHED
                : c.enrolmentProblem() != null ? IdentityCheckOutcome.NO_ENROLMENT
                : c.problem() != null ? outcome(c.problem()) : IdentityCheckOutcome.MISMATCH;
        return new Result(outcome, c.distance(), threshold, c.message());
    }

    /** Whether this photo can serve as an enrolment photo. */
    public boolean usableAsEnrolment(String storageKey) {
        return faces.checkEnrolment(storageKey).accepted();
    }

    private static IdentityCheckOutcome outcome(FaceVerification.Problem p) {
        return switch (p) {
            case NO_FACE -> IdentityCheckOutcome.NO_FACE;
            case SEVERAL_FACES -> IdentityCheckOutcome.SEVERAL_FACES;
            case SPOOF -> IdentityCheckOutcome.SPOOF;
            case FACE_CUT_OFF -> IdentityCheckOutcome.FACE_CUT_OFF;
            case NOT_AN_IMAGE, PHOTO_MISSING -> IdentityCheckOutcome.UNUSABLE;
        };
    }
}
