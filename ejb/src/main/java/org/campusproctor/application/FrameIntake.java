package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.media.StoredObject;
import org.campusproctor.infrastructure.messaging.FrameDispatcher;
import org.campusproctor.infrastructure.storage.MediaStore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * Accepts a webcam frame of an attempt: checks it is a JPEG or PNG of sane size, stores it with its checksum,
 * records it and queues it for the vision workers, all in one transaction. Only the candidate of a running (not yet
 * completed) attempt may upload its frames.
 */
@Stateless
@RolesAllowed(Role.CANDIDATE_NAME)
public class FrameIntake {

    /** Upper bound for one frame; a 1280x720 JPEG is ~100-300 KB. */
    public static final int MAX_FRAME_BYTES = Integer.getInteger("campusproctor.frames.max-bytes", 2 * 1024 * 1024);

    private static final Logger LOG = Logger.getLogger(FrameIntake.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MediaStore mediaStore;

    @Inject
    private FrameDispatcher dispatcher;

    @Inject
    private AttemptAccess access;

    public StoredMedia accept(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String attemptRef,
                              @NotNull byte[] bytes, @NotNull Instant capturedAt) {
        ExamAttempt attempt = access.ownWithoutLock(attemptRef);
        attempt.requireNotCompleted();
        String extension = imageExtension(bytes);
        String id = StoredMedia.newId();
        String key = attemptRef + "/frames/" + DAY.format(capturedAt) + "/" + id + "." + extension;
        StoredObject object = mediaStore.put(key, bytes);
        StoredMedia frame = new StoredMedia(id, MediaKind.WEBCAM_FRAME, attemptRef, object,
                extension.equals("png") ? "image/png" : "image/jpeg", capturedAt, Instant.now());
        em.persist(frame);
        Exam exam = em.find(Exam.class, attempt.examId());
        dispatcher.dispatch(frame, exam.proctoring().incidentThresholds());
        return frame;
    }

    /** Sniffs the magic bytes: the Content-Type header of a request is not evidence. */
    static String imageExtension(byte[] bytes) {
        if (bytes.length == 0) {
            throw new FrameRejectedException(FrameRejectedException.Reason.EMPTY, "Empty frame");
        }
        if (bytes.length > MAX_FRAME_BYTES) {
            LOG.warning(() -> "Refused a frame of " + bytes.length + " bytes");
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Frame of " + bytes.length + " bytes exceeds the limit of " + MAX_FRAME_BYTES + " bytes");
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "jpg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        throw new FrameRejectedException(FrameRejectedException.Reason.NOT_AN_IMAGE, "Frame is neither JPEG nor PNG");
    }
}
