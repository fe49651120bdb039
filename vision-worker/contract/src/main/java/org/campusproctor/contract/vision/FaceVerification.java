package org.campusproctor.contract.vision;

/**
 * The vision worker's synchronous face checks, for the exam application's enrolment and identity check (a local EJB
 * of the vision-worker module, found by this interface): an answer is needed while the registrar or candidate waits,
 * so these do not go through the frames queue. Photos are named by their media-store key; embeddings never leave the
 * worker (it keeps each enrolment's embedding, computed once).
 */
public interface FaceVerification {

    /** Why a photo cannot be used, as the person who took it is told. */
    enum Problem {
        NO_FACE, SEVERAL_FACES, SPOOF, FACE_CUT_OFF, NOT_AN_IMAGE, PHOTO_MISSING
    }

    /** An enrolment photo checked: accepted, or refused with the problem and a sentence for people. */
    record EnrolmentCheck(boolean accepted, Problem problem, String message) {
    }

    /**
     * A live photo compared with the enrolment: {@code distance} (face model's, small = same person) when both photos
     * show one usable face; {@code match} when the distance is at most the threshold; otherwise the problem of the
     * live photo ({@code enrolmentProblem}: the enrolment photo's, should it have become unusable).
     */
    record FaceComparison(boolean match, Double distance, double threshold, Problem problem, Problem enrolmentProblem,
                          String message) {
    }

    /** Checks an enrolment photo (one live face) and keeps its embedding for frames and identity checks. */
    EnrolmentCheck checkEnrolment(String enrolmentStorageKey);

    /** Compares the one face of a live photo with the enrolment photo's, at this threshold. */
    FaceComparison compare(String enrolmentStorageKey, String photoStorageKey, double maxDistance);
}
