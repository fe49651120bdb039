package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.FrameAnalysisRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the administrator's system page shows of the vision workers: per worker node, the frames it analysed in the
 * last {@link #THROUGHPUT_WINDOW} (counted by the database on the indexed {@code analysed_at}) and the models and
 * execution provider of its latest analysis (what it has loaded and runs).
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class SystemHealth {

    public static final Duration THROUGHPUT_WINDOW = Duration.ofMinutes(15);
    private static final int MAX_NODES = 100;

    /** One worker node's recent work. */
    public record WorkerThroughput(String workerNode, long frames, double framesPerMinute, Instant lastAnalysedAt,
                                   String executionProvider, List<String> models) {
    }

    @PersistenceContext
    private EntityManager em;

    /** Worker nodes that analysed frames in the window, by name. */
    public List<WorkerThroughput> workerThroughput() {
        Instant since = Instant.now().minus(THROUGHPUT_WINDOW);
        List<Object[]> counts = em.createQuery("SELECT a.workerNode, COUNT(a) FROM FrameAnalysisRecord a"
                        + " WHERE a.analysedAt >= :since GROUP BY a.workerNode ORDER BY a.workerNode", Object[].class)
                .setParameter("since", since).setMaxResults(MAX_NODES).getResultList();
        List<WorkerThroughput> workers = new ArrayList<>();
        for (Object[] row : counts) {
            String node = (String) row[0];
            long frames = ((Number) row[1]).longValue();
            FrameAnalysisRecord latest = em.createQuery("SELECT a FROM FrameAnalysisRecord a WHERE a.workerNode = :node"
                            + " ORDER BY a.analysedAt DESC", FrameAnalysisRecord.class)
                    .setParameter("node", node).setMaxResults(1).getResultStream().findFirst().orElse(null);
            String provider = null;
            List<String> models = List.of();
            if (latest != null) {
                try {
                    FrameAnalysisReport report = VisionMessages.fromJson(latest.detailJson(), FrameAnalysisReport.class);
                    provider = report.executionProvider();
                    models = report.inferenceMicros() == null ? List.of()
                            : List.copyOf(new TreeSet<>(report.inferenceMicros().keySet()));
                } catch (RuntimeException e) {
                    provider = "(unreadable report)"; // an older or foreign report: the count still holds
                }
            }
            workers.add(new WorkerThroughput(node, frames, frames / (double) THROUGHPUT_WINDOW.toMinutes(),
                    latest == null ? null : latest.analysedAt(), provider, models));
        }
        return workers;
    }
}
