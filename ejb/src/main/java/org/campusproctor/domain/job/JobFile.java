package org.campusproctor.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.campusproctor.contract.media.StoredObject;

import java.time.Instant;
import java.util.Objects;

/** A file a batch job reads (an upload) or writes (an export); its bytes are in the media store. */
@Entity
@Table(name = "job_file")
@NamedQuery(name = JobFile.OF_INSTANCE,
        query = "SELECT f FROM JobFile f WHERE f.jobInstanceId = :instanceId ORDER BY f.fileName")
@NamedQuery(name = JobFile.EXISTS_WITH_KEY, query = "SELECT COUNT(f) FROM JobFile f WHERE f.storageKey = :key")
public class JobFile {

    public static final String OF_INSTANCE = "JobFile.ofInstance";
    public static final String EXISTS_WITH_KEY = "JobFile.existsWithKey";

    /** What a file is; a candidate's data archive is personal data, read only by whoever made it and admins. */
    public enum Purpose { ENROLMENT_CSV, ENROLMENT_PHOTOS, EXPORT, CANDIDATE_DATA }

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Purpose purpose;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "storage_key", nullable = false, unique = true)
    private String storageKey;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 100)
    private String owner;

    /** The job instance that wrote it (exports); null for an upload. */
    @Column(name = "job_instance_id")
    private Long jobInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JobFile() {
        // for JPA
    }

    public JobFile(String id, Purpose purpose, String fileName, String contentType, StoredObject object, String owner,
                   Long jobInstanceId, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.purpose = Objects.requireNonNull(purpose);
        this.fileName = Objects.requireNonNull(fileName);
        this.contentType = Objects.requireNonNull(contentType);
        this.storageKey = object.key();
        this.sizeBytes = object.sizeBytes();
        this.sha256 = object.sha256();
        this.owner = Objects.requireNonNull(owner);
        this.jobInstanceId = jobInstanceId;
        this.createdAt = Objects.requireNonNull(now);
    }

    public String id() { return id; }
    public Purpose purpose() { return purpose; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public String storageKey() { return storageKey; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public String owner() { return owner; }
    public Long jobInstanceId() { return jobInstanceId; }
    public Instant createdAt() { return createdAt; }
}
