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
 * their checksum is recorded: it is what "accepted" means for a frame or a recording chunk.
 */
@Entity
@Table(name = "stored_media")
@NamedQuery(name = StoredMedia.OLDER_THAN,
        query = "SELECT m FROM StoredMedia m WHERE m.storedAt < :cutoff ORDER BY m.storedAt")
@NamedQuery(name = StoredMedia.COUNT_OF_ATTEMPT,
        query = "SELECT COUNT(m) FROM StoredMedia m WHERE m.attemptId = :attemptId AND m.id IN :ids")
public class StoredMedia {

    public static final String OLDER_THAN = "StoredMedia.olderThan";
    public static final String COUNT_OF_ATTEMPT = "StoredMedia.countOfAttempt";

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MediaKind kind;

    @Column(name = "attempt_id", length = 36)
    private String attemptId;

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
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public String id() { return id; }
    public MediaKind kind() { return kind; }
    /** The attempt of a frame or screen chunk; null for an enrolment photo. */
    public String attemptId() { return attemptId; }
    public String storageKey() { return storageKey; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public Instant capturedAt() { return capturedAt; }
    public Instant storedAt() { return storedAt; }
}
