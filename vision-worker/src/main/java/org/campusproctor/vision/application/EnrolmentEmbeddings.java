package org.campusproctor.vision.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.vision.FaceVerification.Problem;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.EnrolmentRefusedException;
import org.campusproctor.vision.pipeline.FramePipeline;

import java.util.logging.Logger;

/**
 * The candidate's enrolment embedding: computed once from the enrolment photo (a media-store key; the key changes
 * with every new photo), then kept in this worker's memory for the face-match stage and the identity check. A photo
 * that cannot serve (no face, several, a spoof, missing) is remembered as such with its problem: frames are then
 * analysed without face match, and the identity check goes to a proctor.
 */
@ApplicationScoped
public class EnrolmentEmbeddings {

    private static final Logger LOG = Logger.getLogger(EnrolmentEmbeddings.class.getName());

    /** An enrolment photo's embedding, or why it has none. */
    public record Enrolment(float[] embedding, Problem problem, String message) {
    }

    @Inject
    private MediaStore mediaStore;

    private final LruCache<String, Enrolment> byKey = new LruCache<>(1024);

    /** @return null when there is no usable enrolment photo */
    public float[] lookup(String enrolmentKey, FramePipeline pipeline) {
        if (enrolmentKey == null || enrolmentKey.isBlank()) {
            return null;
        }
        return enrolment(enrolmentKey, pipeline).embedding();
    }

    /** The enrolment of this photo, computed on first use. */
    public Enrolment enrolment(String enrolmentKey, FramePipeline pipeline) {
        Enrolment e = byKey.get(enrolmentKey);
        if (e == null) {
            e = compute(enrolmentKey, pipeline);
            byKey.put(enrolmentKey, e);
        }
        return e;
    }

    private Enrolment compute(String key, FramePipeline pipeline) {
        try {
            return new Enrolment(pipeline.enrol(mediaStore.get(key)), null, null);
        } catch (EnrolmentRefusedException refused) {
            LOG.warning(() -> "Enrolment photo " + key + " refused: " + refused.getMessage());
            return new Enrolment(null, Problem.valueOf(refused.reason().name()), refused.getMessage());
        } catch (MediaNotFoundException missing) {
            LOG.warning(() -> "Enrolment photo " + key + " missing from the media store");
            return new Enrolment(null, Problem.PHOTO_MISSING, "The photo is no longer stored");
        } catch (CorruptFrameException unusable) {
            LOG.warning(() -> "Enrolment photo " + key + " unusable: " + unusable.getMessage());
            return new Enrolment(null, Problem.NOT_AN_IMAGE, "The file is not a usable photo: " + unusable.getMessage());
        }
    }
}
