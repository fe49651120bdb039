package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameAdmission;
import org.campusproctor.application.SystemHealth;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.infrastructure.messaging.DeadLetterBrowser;
import org.campusproctor.infrastructure.persistence.SchemaMigration;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The administrator's view of the system: the database (schema version), the broker (messages waiting on each queue of
 * the vision pipeline), the vision workers (frames analysed per minute in the last 15 minutes and the models of their
 * latest analysis), the frame backlog, and the dead letters with their reason and a replay.
 */
@Named
@ViewScoped
public class SystemConsole implements Serializable {

    /** A parked message as the table shows it. */
    public record DeadLetterRow(String queue, String messageId, String attempt, String media, String reason,
                                String parkedAt) implements Serializable {
        static DeadLetterRow of(String queue, Map<String, String> m) {
            String ts = m.get("jmsTimestamp");
            return new DeadLetterRow(queue, m.get("jmsMessageId"), m.getOrDefault("attemptId", ""),
                    m.getOrDefault("mediaId", ""), m.getOrDefault("failureReason", "(no reason given)"),
                    ts == null ? "" : java.time.Instant.ofEpochMilli(Long.parseLong(ts)).toString());
        }
    }

    /** A queue and how many messages wait on it ("10000+" at the cap). */
    public record QueueRow(String queue, String waiting) implements Serializable {
    }

    /** A worker node's throughput and what its latest analysis ran. */
    public record WorkerRow(String node, long frames, String perMinute, String lastAnalysedAt, String provider,
                            String models) implements Serializable {
        static WorkerRow of(SystemHealth.WorkerThroughput w) {
            return new WorkerRow(w.workerNode(), w.frames(), String.format(java.util.Locale.ROOT, "%.1f", w.framesPerMinute()),
                    w.lastAnalysedAt() == null ? "" : w.lastAnalysedAt().toString(),
                    w.executionProvider() == null ? "" : w.executionProvider(), String.join(", ", w.models()));
        }
    }

    private static final int DEPTH_CAP = 10_000;

    @Inject
    private SchemaMigration schema;

    @Inject
    private SystemHealth health;

    private List<QueueRow> queues;
    private List<WorkerRow> workers;

    @Inject
    private FrameAdmission frames;

    @Inject
    private DeadLetterBrowser deadLetters;

    private List<DeadLetterRow> rows;

    public String getSchemaVersion() {
        return schema.schemaVersion();
    }

    public long getAwaitingAnalysis() {
        return frames.awaitingAnalysis();
    }

    public int getMaxPending() {
        return Settings.FRAMES_MAX_PENDING.value();
    }

    public List<QueueRow> getQueues() {
        if (queues == null) {
            queues = deadLetters.depths(DEPTH_CAP).entrySet().stream().map(e -> new QueueRow(e.getKey(),
                    e.getValue() >= DEPTH_CAP ? DEPTH_CAP + "+" : e.getValue().toString())).toList();
        }
        return queues;
    }

    public List<WorkerRow> getWorkers() {
        if (workers == null) {
            workers = health.workerThroughput().stream().map(WorkerRow::of).toList();
        }
        return workers;
    }

    public long getThroughputWindowMinutes() {
        return SystemHealth.THROUGHPUT_WINDOW.toMinutes();
    }

    public List<DeadLetterRow> getDeadLetters() {
        if (rows == null) {
            rows = new java.util.ArrayList<>();
            for (String queue : List.of(Queues.FRAMES_DLQ, Queues.VISION_RESULTS_DLQ)) {
                deadLetters.browse(queue, 200).messages().forEach(m -> rows.add(DeadLetterRow.of(queue, m)));
            }
        }
        return rows;
    }

    public void replay(DeadLetterRow row) {
        try {
            deadLetters.replay(row.queue(), row.messageId());
            Messages.info("Message " + row.messageId() + " replayed onto its queue");
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        rows = null;
        queues = null;
    }
}
