package org.campusproctor.domain.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * What a vision worker reported about one webcam frame. {@code detailJson} keeps every model score, box and angle
 * as the worker sent them: the evidence behind any flag raised from this frame.
 */
@Entity
@Table(name = "frame_analysis")
@NamedQuery(name = FrameAnalysisRecord.LATEST,
        query = "SELECT a FROM FrameAnalysisRecord a ORDER BY a.analysedAt DESC")
@NamedQuery(name = FrameAnalysisRecord.LATEST_OF_PROCTOR,
        query = "SELECT a FROM FrameAnalysisRecord a WHERE a.attemptId IN"
                + " (SELECT t.id FROM ExamAttempt t WHERE t.proctor = :proctor) ORDER BY a.analysedAt DESC")
@NamedQuery(name = FrameAnalysisRecord.DELETE_FOR_MEDIA,
        query = "DELETE FROM FrameAnalysisRecord a WHERE a.mediaId = :mediaId")
public class FrameAnalysisRecord {

    public static final String LATEST = "FrameAnalysisRecord.latest";
    public static final String LATEST_OF_PROCTOR = "FrameAnalysisRecord.latestOfProctor";
    public static final String DELETE_FOR_MEDIA = "FrameAnalysisRecord.deleteForMedia";

    public enum Status { ANALYSED, REJECTED }

    @Id
    @Column(name = "media_id", length = 36)
    private String mediaId;

    @Column(name = "attempt_id", nullable = false, length = 36)
    private String attemptId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "face_count")
    private Integer faceCount;

    @Column(name = "worker_node", nullable = false)
    private String workerNode;

    @Column(name = "analysed_at", nullable = false)
    private Instant analysedAt;

    @Column(name = "detail_json", nullable = false)
    private String detailJson;

    protected FrameAnalysisRecord() {
        // for JPA
    }

    public FrameAnalysisRecord(String mediaId, String attemptId, Status status, Integer faceCount, String workerNode,
                               Instant analysedAt, String detailJson) {
        this.mediaId = Objects.requireNonNull(mediaId);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.status = Objects.requireNonNull(status);
        this.faceCount = faceCount;
        this.workerNode = Objects.requireNonNull(workerNode);
        this.analysedAt = Objects.requireNonNull(analysedAt);
        this.detailJson = Objects.requireNonNull(detailJson);
    }

    public String mediaId() { return mediaId; }
    public String attemptId() { return attemptId; }
    public Status status() { return status; }
    public Integer faceCount() { return faceCount; }
    public String workerNode() { return workerNode; }
    public Instant analysedAt() { return analysedAt; }
    public String detailJson() { return detailJson; }

    // JavaBean-style read accessors for EL in JSF pages.
    public String getMediaId() { return mediaId; }
    public String getAttemptId() { return attemptId; }
    public Status getStatus() { return status; }
    public Integer getFaceCount() { return faceCount; }
    public String getWorkerNode() { return workerNode; }
    public Instant getAnalysedAt() { return analysedAt; }
}
