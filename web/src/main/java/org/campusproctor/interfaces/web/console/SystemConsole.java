package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameAdmission;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.contract.vision.Queues;
import org.campusproctor.infrastructure.messaging.DeadLetterBrowser;
import org.campusproctor.infrastructure.persistence.SchemaMigration;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The administrator's view of the system: schema version, frame backlog, and the dead letters with a replay. */
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

    @Inject
    private SchemaMigration schema;

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
    }
}
