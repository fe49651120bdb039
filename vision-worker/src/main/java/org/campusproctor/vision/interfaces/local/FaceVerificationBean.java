package org.campusproctor.vision.interfaces.local;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.vision.FaceVerification;
import org.campusproctor.vision.application.EnrolmentEmbeddings;
import org.campusproctor.vision.application.EnrolmentEmbeddings.Enrolment;
import org.campusproctor.vision.application.SharedVisionPipeline;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.EnrolmentRefusedException;
import org.campusproctor.vision.pipeline.FramePipeline;

/**
 * The face checks of enrolment and identity check, for the exam application (translation only: the pipeline and
 * the enrolment cache do the work). The live photo of an identity check must meet the enrolment photo's conditions
 * (one face, live, not cut off) before it is compared.
 */
@Stateless
@Local(FaceVerification.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // no resources of its own: never rolls the caller back
public class FaceVerificationBean implements FaceVerification {

    @Inject
    private SharedVisionPipeline pipeline;

    @Inject
    private EnrolmentEmbeddings enrolments;

    @Inject
    private MediaStore mediaStore;

    @Override
    public EnrolmentCheck checkEnrolment(String enrolmentStorageKey) {
        Enrolment e = enrolments.enrolment(enrolmentStorageKey, pipeline.get());
        return new EnrolmentCheck(e.embedding() != null, e.problem(), e.message());
    }

    @Override
    public FaceComparison compare(String enrolmentStorageKey, String photoStorageKey, double maxDistance) {
        FramePipeline p = pipeline.get();
        Enrolment e = enrolments.enrolment(enrolmentStorageKey, p);
        if (e.embedding() == null) {
            return new FaceComparison(false, null, maxDistance, null, e.problem(), "Enrolment photo unusable: " + e.message());
        }
        float[] live;
        try {
            live = p.enrol(mediaStore.get(photoStorageKey));
        } catch (EnrolmentRefusedException refused) {
            return new FaceComparison(false, null, maxDistance, Problem.valueOf(refused.reason().name()), null, refused.getMessage());
        } catch (MediaNotFoundException missing) {
            return new FaceComparison(false, null, maxDistance, Problem.PHOTO_MISSING, null, "The photo is no longer stored");
        } catch (CorruptFrameException unusable) {
            return new FaceComparison(false, null, maxDistance, Problem.NOT_AN_IMAGE, null, unusable.getMessage());
        }
        double d = p.distance(e.embedding(), live);
        boolean match = d <= maxDistance;
        return new FaceComparison(match, d, maxDistance, null, null,
                match ? "The face matches the enrolment photo" : "The face does not match the enrolment photo");
    }
}
