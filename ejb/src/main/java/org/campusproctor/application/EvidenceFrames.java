package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.infrastructure.media.Thumbnails;

/**
 * Webcam frames shown to staff as evidence: the frame of an attempt in the caller's scope ({@link AttemptAccess}),
 * whole or as a thumbnail sized here, never its storage key. Anything else (another proctor's attempt, an enrolment
 * photo, a purged frame) is "not found".
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class EvidenceFrames {

    /** Widths a page may ask for: a fixed few, so that no caller makes the server scale to any size it likes. */
    public enum Size {
        THUMBNAIL(192), FULL(0);

        final int width;

        Size(int width) {
            this.width = width;
        }
    }

    /** A frame as served: a strong validator (the stored SHA-256 and the size) and the bytes. */
    public record Frame(String etag, String contentType, byte[] bytes) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    @Inject
    private MediaStore store;

    /** The frame's validator, checked without reading the file: an unchanged frame costs the page no bytes. */
    public String etag(@NotBlank String mediaId, Size size) {
        return etag(authorised(mediaId), size);
    }

    public Frame frame(@NotBlank String mediaId, Size size) {
        StoredMedia media = authorised(mediaId);
        byte[] bytes;
        try {
            bytes = store.get(media.storageKey());
        } catch (MediaNotFoundException e) {
            throw new NotFoundException("Frame", mediaId); // purged by retention since its row was read
        }
        return size == Size.FULL ? new Frame(etag(media, size), media.contentType(), bytes)
                : new Frame(etag(media, size), "image/jpeg", Thumbnails.jpeg(bytes, size.width));
    }

    private StoredMedia authorised(String mediaId) {
        StoredMedia media = mediaId.length() > 36 ? null : em.find(StoredMedia.class, mediaId);
        if (media == null || media.kind() != MediaKind.WEBCAM_FRAME) {
            throw new NotFoundException("Frame", mediaId);
        }
        ExamAttempt attempt = em.find(ExamAttempt.class, media.attemptId());
        if (attempt == null || !access.mayRead(attempt)) {
            throw new NotFoundException("Frame", mediaId);
        }
        return media;
    }

    private static String etag(StoredMedia media, Size size) {
        return media.sha256() + "-" + size.name().toLowerCase(java.util.Locale.ROOT);
    }
}
