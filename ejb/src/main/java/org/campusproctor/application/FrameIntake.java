package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.infrastructure.media.TransactionalMedia;
import org.campusproctor.infrastructure.messaging.FrameDispatcher;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Accepts a webcam frame of an attempt: admits it (back-pressure, {@link FrameAdmission}), checks it is a JPEG or PNG
 * of sane size from its header, stores it with its checksum, records it and queues it for the vision workers, all in
 * one transaction (the file goes again if it rolls back). Only the candidate of a running (not yet completed) attempt
 * may upload its frames.
 */
@Stateless
@RolesAllowed(Role.CANDIDATE_NAME)
public class FrameIntake {

    /** Upper bound for one frame ({@link Settings#FRAME_MAX_BYTES}). */
    public static int maxFrameBytes() {
        return Settings.FRAME_MAX_BYTES.value();
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    @Inject
    private FrameAdmission admission;

    @Inject
    private FrameDispatcher dispatcher;

    @Inject
    private AttemptAccess access;

    public StoredMedia accept(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String attemptId,
                              @NotNull byte[] bytes, @NotNull Instant capturedAt) {
        AttemptAccess.FrameUploadFacts attempt = access.ownForFrames(attemptId);
        attempt.requireNotCompleted();
        admission.admit(attemptId, attempt.frameIntervalSeconds());
        ImageFormat format = ImageFormat.of(bytes, maxFrameBytes());
        String id = StoredMedia.newId();
        String key = attemptId + "/frames/" + DAY.format(capturedAt) + "/" + id + "." + format.extension();
        StoredObject object = media.put(key, bytes);
        StoredMedia frame = new StoredMedia(id, MediaKind.WEBCAM_FRAME, attemptId, object, format.contentType(),
                capturedAt, Instant.now());
        em.persist(frame);
        IncidentThresholds thresholds = attempt.thresholds();
        dispatcher.dispatch(new FrameToAnalyse(frame.id(), attemptId, frame.storageKey(), capturedAt.toEpochMilli(),
                attempt.enrolmentKey(), thresholds.overridesNothing() ? null : thresholds, null));
        return frame;
    }
}
