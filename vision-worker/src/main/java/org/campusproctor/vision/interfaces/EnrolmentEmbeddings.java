package org.campusproctor.vision.interfaces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.campusproctor.infrastructure.storage.MediaStore;
import org.campusproctor.vision.pipeline.FramePipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The candidate's enrolment embedding per attempt, for the face-match stage: computed once from the enrolment photo
 * named by the frame message's {@value #PROP_ENROLMENT_KEY} property (a media-store key), then cached (LRU).
 * Frames without the property get no face match.
 */
@ApplicationScoped
public class EnrolmentEmbeddings {

    public static final String PROP_ENROLMENT_KEY = "enrolmentStorageKey";
    private static final int CACHE = 1024;

    @Inject
    private MediaStore mediaStore;

    private final Map<String, float[]> byKey = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    });

    /** @return null when there is no enrolment photo for the frame */
    public float[] lookup(String enrolmentKey, FramePipeline pipeline) {
        if (enrolmentKey == null || enrolmentKey.isBlank()) {
            return null;
        }
        float[] e = byKey.get(enrolmentKey);
        if (e == null) {
            e = pipeline.enrol(mediaStore.get(enrolmentKey));
            byKey.put(enrolmentKey, e);
        }
        return e;
    }
}
