package org.campusproctor.vision.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.vision.pipeline.CorruptFrameException;
import org.campusproctor.vision.pipeline.FramePipeline;

import java.util.logging.Logger;

/**
 * The candidate's enrolment embedding, for the face-match stage: computed once from the enrolment photo the frame
 * message names (a media-store key), then cached. Frames without one, or whose enrolment photo is missing or shows
 * no face, get no face match.
 */
@ApplicationScoped
public class EnrolmentEmbeddings {

    private static final float[] NONE = new float[0];
    private static final Logger LOG = Logger.getLogger(EnrolmentEmbeddings.class.getName());

    @Inject
    private MediaStore mediaStore;

    private final LruCache<String, float[]> byKey = new LruCache<>(1024);

    /** @return null when there is no usable enrolment photo */
    public float[] lookup(String enrolmentKey, FramePipeline pipeline) {
        if (enrolmentKey == null || enrolmentKey.isBlank()) {
            return null;
        }
        float[] e = byKey.get(enrolmentKey);
        if (e == null) {
            try {
                e = pipeline.enrol(mediaStore.get(enrolmentKey));
            } catch (CorruptFrameException | MediaNotFoundException unusable) {
                // a bad enrolment photo must not dead-letter the candidate's frames: no face match, logged once
                LOG.warning(() -> "Enrolment photo " + enrolmentKey + " unusable (" + unusable.getMessage()
                        + "); frames are analysed without face match");
                e = NONE;
            }
            byKey.put(enrolmentKey, e);
        }
        return e == NONE ? null : e;
    }
}
