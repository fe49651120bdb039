package org.campusproctor.domain.media;

import org.campusproctor.contract.media.StoredObject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The index entry of one object accepted into the media store. Once this row exists the bytes are on disk and
 * their checksum is recorded: it is what "accepted" means for a frame or a recording chunk. A webcam frame is
 * awaiting analysis from its acceptance until its analysis is recorded.
 */
@Entity
@Table(name = "stored_media")
@NamedQuery(name = StoredMedia.AWAITING_ANALYSIS_SINCE,
        query = "SELECT COUNT(m) FROM StoredMedia m WHERE m.awaitingAnalysis = TRUE AND m.storedAt > :since")
// Claims a frame of an attempt for its analysis: 1 row when it awaited one, 0 when recorded already (or not a frame
// of that attempt)
@NamedQuery(name = StoredMedia.CLAIM_FOR_ANALYSIS, query = "UPDATE StoredMedia m SET m.awaitingAnalysis = FALSE"
        + " WHERE m.id = :id AND m.attemptId = :attemptId AND m.awaitingAnalysis = TRUE")
@NamedQuery(name = StoredMedia.EXISTS_WITH_KEY,
        query = "SELECT COUNT(m) FROM StoredMedia m WHERE m.storageKey = :key")
// Retention, per exam: media of an attempt of the exam whose review is FINAL, unless an incident names it as evidence
// (its own attempt's incidents, or a proctor's on any attempt: proctors may cite any frame). Frames of running
// attempts and attempts in review have no FINAL review.
@NamedQuery(name = StoredMedia.PURGEABLE_ATTEMPT_MEDIA, query = "SELECT m FROM StoredMedia m WHERE "
        + StoredMedia.ATTEMPT_MEDIA_RULE + " ORDER BY m.storedAt")
@NamedQuery(name = StoredMedia.PURGEABLE_ATTEMPT_MEDIA_COUNT, query = "SELECT COUNT(m), SUM(m.sizeBytes) FROM StoredMedia m WHERE "
        + StoredMedia.ATTEMPT_MEDIA_RULE)
// Retention, per exam: an enrolment photo of a registration for the exam, current or replaced, unless the
// registration is still open: its attempt's review is not FINAL, or it has no attempt yet and its exam is not archived.
@NamedQuery(name = StoredMedia.PURGEABLE_ENROLMENT_PHOTOS, query = "SELECT m FROM StoredMedia m WHERE "
        + StoredMedia.ENROLMENT_PHOTO_RULE + " ORDER BY m.storedAt")
@NamedQuery(name = StoredMedia.PURGEABLE_ENROLMENT_PHOTOS_COUNT, query = "SELECT COUNT(m), SUM(m.sizeBytes) FROM StoredMedia m WHERE "
        + StoredMedia.ENROLMENT_PHOTO_RULE)
@NamedQuery(name = StoredMedia.COUNT_OF_ATTEMPT,
        query = "SELECT COUNT(m) FROM StoredMedia m WHERE m.attemptId = :attemptId AND m.id IN :ids")
public class StoredMedia {

    public static final String COUNT_OF_ATTEMPT = "StoredMedia.countOfAttempt";
    public static final String AWAITING_ANALYSIS_SINCE = "StoredMedia.awaitingAnalysisSince";
    public static final String CLAIM_FOR_ANALYSIS = "StoredMedia.claimForAnalysis";
    public static final String EXISTS_WITH_KEY = "StoredMedia.existsWithKey";
    public static final String PURGEABLE_ATTEMPT_MEDIA = "StoredMedia.purgeableAttemptMedia";
    public static final String PURGEABLE_ENROLMENT_PHOTOS = "StoredMedia.purgeableEnrolmentPhotos";
    public static final String PURGEABLE_ATTEMPT_MEDIA_COUNT = "StoredMedia.purgeableAttemptMediaCount";
    public static final String PURGEABLE_ENROLMENT_PHOTOS_COUNT = "StoredMedia.purgeableEnrolmentPhotosCount";

    static final String ATTEMPT_MEDIA_RULE = """
            m.storedAt < :cutoff AND m.attemptId IS NOT NULL
              AND EXISTS (SELECT a FROM ExamAttempt a WHERE a.id = m.attemptId AND a.examId = :examId
                          AND a.reviewStatus = org.campusproctor.domain.attempt.ReviewStatus.FINAL)
              AND NOT EXISTS (SELECT i FROM Incident i WHERE i.attemptId = m.attemptId
                              AND LOCATE(m.id, i.evidenceMediaIds) > 0)
              AND NOT EXISTS (SELECT i FROM Incident i WHERE i.source = org.campusproctor.domain.attempt.IncidentSource.PROCTOR
                              AND LOCATE(m.id, i.evidenceMediaIds) > 0)
            """;
    static final String ENROLMENT_PHOTO_RULE = """
            m.storedAt < :cutoff AND m.kind = org.campusproctor.domain.media.MediaKind.ENROLMENT_PHOTO
              AND EXISTS (SELECT r0 FROM Registration r0 WHERE r0.id = m.registrationId AND r0.examId = :examId)
              AND NOT EXISTS (SELECT r FROM Registration r WHERE (r.id = m.registrationId OR r.enrolmentMediaId = m.id)
                  AND (EXISTS (SELECT a FROM ExamAttempt a WHERE a.registrationId = r.id
                               AND (a.reviewStatus IS NULL
                                    OR a.reviewStatus <> org.campusproctor.domain.attempt.ReviewStatus.FINAL))
                       OR (NOT EXISTS (SELECT a FROM ExamAttempt a WHERE a.registrationId = r.id)
                           AND EXISTS (SELECT e FROM Exam e WHERE e.id = r.examId
                                       AND e.status <> org.campusproctor.domain.exam.ExamStatus.ARCHIVED))))
            """;

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MediaKind kind;

    @Column(name = "attempt_id", length = 36)
    private String attemptId;

    /** The registration of an enrolment photo; null for attempt media. */
    @Column(name = "registration_id", length = 36, updatable = false)
    private String registrationId;

    @Column(name = "awaiting_analysis", nullable = false)
    private boolean awaitingAnalysis;

    @Column(name = "storage_key", nullable = false, unique = true)
    private String storageKey;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    /** The position of a screen-recording chunk in its attempt's recording; null for other media. */
    @Column(name = "chunk_sequence", updatable = false)
    private Long chunkSequence;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected StoredMedia() {
        // for JPA
    }

    public StoredMedia(String id, MediaKind kind, String attemptId, StoredObject object, String contentType,
                       Instant capturedAt, Instant storedAt) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        if (attemptId == null && kind != MediaKind.ENROLMENT_PHOTO) {
            throw new IllegalArgumentException(kind + " must belong to an attempt");
        }
        this.attemptId = attemptId;
        this.storageKey = object.key();
        this.sizeBytes = object.sizeBytes();
        this.sha256 = object.sha256();
        this.contentType = Objects.requireNonNull(contentType);
        this.capturedAt = Objects.requireNonNull(capturedAt);
        this.storedAt = Objects.requireNonNull(storedAt);
        this.awaitingAnalysis = kind == MediaKind.WEBCAM_FRAME;
    }

    /** A registration's enrolment photo. */
    public static StoredMedia enrolmentPhoto(String id, String registrationId, StoredObject object, String contentType,
                                             Instant storedAt) {
        StoredMedia photo = new StoredMedia(id, MediaKind.ENROLMENT_PHOTO, null, object, contentType, storedAt, storedAt);
        photo.registrationId = Objects.requireNonNull(registrationId);
        return photo;
    }

    /** A numbered piece of an attempt's screen recording. */
    public static StoredMedia screenChunk(String id, String attemptId, long sequence, StoredObject object,
                                          String contentType, Instant capturedAt, Instant storedAt) {
        StoredMedia chunk = new StoredMedia(id, MediaKind.SCREEN_CHUNK, attemptId, object, contentType, capturedAt, storedAt);
        chunk.chunkSequence = sequence;
        return chunk;
    }

    /** A vision worker's analysis of this frame is recorded: it no longer holds back uploads. */
    public void analysisRecorded() {
        awaitingAnalysis = false;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public String id() { return id; }
    public MediaKind kind() { return kind; }
    /** The attempt of a frame or screen chunk; null for an enrolment photo. */
    public String attemptId() { return attemptId; }
    public String registrationId() { return registrationId; }
    public boolean awaitingAnalysis() { return awaitingAnalysis; }
    public String storageKey() { return storageKey; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public Instant capturedAt() { return capturedAt; }
    public Instant storedAt() { return storedAt; }
    public Long chunkSequence() { return chunkSequence; }
}
