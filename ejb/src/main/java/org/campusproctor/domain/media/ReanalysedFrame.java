package org.campusproctor.domain.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * What a vision worker reported about a stored webcam frame that a re-analysis run sent again. Kept with the run
 * (a batch job instance), beside the frame's original {@link FrameAnalysisRecord}: a re-analysis never raises an
 * incident on the attempt, a person decides on what its report shows.
 */
@Entity
@Table(name = "reanalysed_frame")
@NamedQuery(name = ReanalysedFrame.COUNT_OF_RUN, query = "SELECT COUNT(r) FROM ReanalysedFrame r WHERE r.runId = :runId")
@NamedQuery(name = ReanalysedFrame.OF_RUN,
        query = "SELECT r FROM ReanalysedFrame r WHERE r.runId = :runId ORDER BY r.attemptId, r.mediaId")
@NamedQuery(name = ReanalysedFrame.DELETE_FOR_MEDIA, query = "DELETE FROM ReanalysedFrame r WHERE r.mediaId = :mediaId")
public class ReanalysedFrame {

    public static final String COUNT_OF_RUN = "ReanalysedFrame.countOfRun";
    public static final String OF_RUN = "ReanalysedFrame.ofRun";
    public static final String DELETE_FOR_MEDIA = "ReanalysedFrame.deleteForMedia";

    @Id
    @Column(length = 60)
    private String id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "media_id", nullable = false, length = 36)
    private String mediaId;

    @Column(name = "attempt_id", nullable = false, length = 36)
    private String attemptId;

    @Column(name = "face_count")
    private Integer faceCount;

    @Column(name = "worker_node", nullable = false, length = 100)
    private String workerNode;

    @Column(name = "analysed_at", nullable = false)
    private Instant analysedAt;

    @Column(name = "detail_json", nullable = false)
    private String detailJson;

    protected ReanalysedFrame() {
        // for JPA
    }

    public ReanalysedFrame(long runId, String mediaId, String attemptId, Integer faceCount, String workerNode,
                           Instant analysedAt, String detailJson) {
        this.id = id(runId, mediaId);
        this.runId = runId;
        this.mediaId = mediaId;
        this.attemptId = Objects.requireNonNull(attemptId);
        this.faceCount = faceCount;
        this.workerNode = Objects.requireNonNull(workerNode);
        this.analysedAt = Objects.requireNonNull(analysedAt);
        this.detailJson = Objects.requireNonNull(detailJson);
    }

    /** One row per run and frame: a redelivered result finds its row by this id. */
    public static String id(long runId, String mediaId) {
        return runId + "/" + Objects.requireNonNull(mediaId);
    }

    public long runId() { return runId; }
    public String mediaId() { return mediaId; }
    public String attemptId() { return attemptId; }
    public Integer faceCount() { return faceCount; }
    public String detailJson() { return detailJson; }
}
