package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotBlank;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.ReviewStatus;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.MediaKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read side of the proctor screens, always within the caller's {@link AttemptAccess.StaffScope} (a proctor: the
 * attempts assigned to them; an admin: every attempt) and always a page at a time: an exam's candidates as tiles
 * riskiest first, the review queue (attempts above their exam's review threshold first), and the figures that let a
 * proctor judge the detectors.
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class ProctorDesk {

    /** Most rows one page may hold. */
    public static final int MAX_PAGE = 200;

    /** A page of rows and how many there are in all. */
    public record Page<T>(List<T> items, long total) {
    }

    /** An exam with attempts in the caller's scope. */
    public record ExamSummary(String id, String title, long attempts, long running, int reviewRiskThreshold) {
    }

    /**
     * One candidate of a live exam.
     *
     * @param capture LIVE (a frame within three frame intervals), LATE (older), NONE (no frame yet)
     */
    public record Tile(String attemptId, String candidate, String status, long remainingSeconds, long extensionSeconds,
                       int riskScore, long openIncidents, String latestFrameId, Instant latestFrameAt,
                       Integer faceCount, String capture) {
    }

    /** A completed attempt awaiting its (second) review. */
    public record ReviewItem(String attemptId, String examId, String examTitle, String candidate, String status,
                             String reviewStatus, String reviewDecision, String reviewedBy, int riskScore,
                             int reviewRiskThreshold, boolean aboveThreshold, long openIncidents,
                             boolean needsSecondReview) {
    }

    /** Incidents of one type and source on an exam, and how reviewers judged them. */
    public record DetectorFigure(String type, String source, long incidents, long dismissed, long confirmed) {

        /** Share of the judged incidents dismissed as false positives (0 when none was judged). */
        public double falsePositiveShare() {
            long judged = dismissed + confirmed;
            return judged == 0 ? 0 : dismissed / (double) judged;
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    /** Exams with attempts in the caller's scope, most recent first. */
    public List<ExamSummary> exams() {
        AttemptAccess.StaffScope scope = access.scope(false);
        TypedQuery<Object[]> q = em.createQuery("SELECT a.examId, COUNT(a) FROM ExamAttempt a"
                + (scope.everyAttempt() ? "" : " WHERE a.proctor = :proctor") + " GROUP BY a.examId", Object[].class);
        scoped(q, scope);
        Map<String, Long> counts = new HashMap<>();
        q.getResultList().forEach(r -> counts.put((String) r[0], (Long) r[1]));
        if (counts.isEmpty()) {
            return List.of();
        }
        TypedQuery<Object[]> running = em.createQuery("SELECT a.examId, COUNT(a) FROM ExamAttempt a WHERE a.status IN :live"
                + (scope.everyAttempt() ? "" : " AND a.proctor = :proctor") + " GROUP BY a.examId", Object[].class);
        running.setParameter("live", List.of(AttemptStatus.IN_PROGRESS, AttemptStatus.PAUSED));
        scoped(running, scope);
        Map<String, Long> live = new HashMap<>();
        running.getResultList().forEach(r -> live.put((String) r[0], (Long) r[1]));
        return em.createQuery("SELECT e FROM Exam e WHERE e.id IN :ids ORDER BY e.createdAt DESC", Exam.class)
                .setParameter("ids", counts.keySet()).setMaxResults(MAX_PAGE).getResultList().stream()
                .map(e -> new ExamSummary(e.id(), e.title(), counts.get(e.id()), live.getOrDefault(e.id(), 0L),
                        e.proctoring().reviewRiskThreshold()))
                .toList();
    }

    /**
     * The candidates of an exam in the caller's scope, riskiest first, a page at a time.
     *
     * @param filter part of the candidate's name or a status (empty: all)
     */
    public Page<Tile> tiles(@NotBlank String examId, String filter, int offset, int limit) {
        Exam exam = exam(examId);
        AttemptAccess.StaffScope scope = access.scope(false);
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        if (f.length() > 100) {
            f = f.substring(0, 100);
        }
        AttemptStatus status = Arrays.stream(AttemptStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(filter == null ? "" : filter.trim().replace(' ', '_')))
                .findFirst().orElse(null);
        String where = " FROM ExamAttempt a WHERE a.examId = :exam" + (scope.everyAttempt() ? "" : " AND a.proctor = :proctor")
                + (status != null ? " AND a.status = :status" : f.isEmpty() ? "" : " AND LOWER(a.candidate) LIKE :filter");
        TypedQuery<ExamAttempt> page = em.createQuery("SELECT a" + where + " ORDER BY a.riskScore DESC, a.candidate",
                ExamAttempt.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class);
        for (TypedQuery<?> q : List.of(page, count)) {
            q.setParameter("exam", examId);
            scoped(q, scope);
            if (status != null) {
                q.setParameter("status", status);
            } else if (!f.isEmpty()) {
                q.setParameter("filter", "%" + f.replace("\\", "").replace("%", "").replace("_", "") + "%");
            }
        }
        List<ExamAttempt> attempts = paged(page, offset, limit).getResultList();
        List<String> ids = attempts.stream().map(ExamAttempt::id).toList();
        Map<String, Long> open = openIncidents(ids);
        Map<String, Object[]> frames = latestFrames(ids);
        Instant now = Instant.now();
        Duration live = Duration.ofSeconds(3L * Math.max(1, exam.proctoring().frameIntervalSeconds()));
        List<Tile> tiles = new ArrayList<>();
        for (ExamAttempt a : attempts) {
            Object[] frame = frames.get(a.id());
            Instant at = frame == null ? null : (Instant) frame[1];
            String capture = at == null ? "NONE" : at.isAfter(now.minus(live)) ? "LIVE" : "LATE";
            tiles.add(new Tile(a.id(), a.candidate(), a.status().name(), a.remainingSeconds(now), a.extensionSeconds(),
                    a.riskScore(), open.getOrDefault(a.id(), 0L), frame == null ? null : (String) frame[0], at,
                    frame == null ? null : (Integer) frame[2], capture));
        }
        return new Page<>(tiles, count.getSingleResult());
    }

    /**
     * Completed attempts whose review is not FINAL, those at or above their exam's review threshold first, riskiest
     * first within each part.
     *
     * @param examId one exam (null: every exam)
     */
    public Page<ReviewItem> reviewQueue(String examId, int offset, int limit) {
        AttemptAccess.StaffScope scope = access.scope(false);
        String base = " FROM ExamAttempt a, Exam e WHERE e.id = a.examId AND a.reviewStatus IS NOT NULL"
                + " AND a.reviewStatus <> :final" + (examId == null ? "" : " AND a.examId = :exam")
                + (scope.everyAttempt() ? "" : " AND a.proctor = :proctor");
        String above = base + " AND a.riskScore >= e.proctoring.reviewRiskThreshold";
        String below = base + " AND a.riskScore < e.proctoring.reviewRiskThreshold";
        long aboveCount = reviewQuery("SELECT COUNT(a)" + above, Long.class, examId, scope).getSingleResult();
        long belowCount = reviewQuery("SELECT COUNT(a)" + below, Long.class, examId, scope).getSingleResult();
        int first = Math.max(0, offset);
        int max = Math.max(1, Math.min(limit, MAX_PAGE));
        String order = " ORDER BY a.riskScore DESC, a.endedAt, a.id";
        List<Object[]> rows = new ArrayList<>();
        if (first < aboveCount) {
            rows.addAll(reviewQuery("SELECT a, e" + above + order, Object[].class, examId, scope)
                    .setFirstResult(first).setMaxResults(max).getResultList());
        }
        if (rows.size() < max) {
            rows.addAll(reviewQuery("SELECT a, e" + below + order, Object[].class, examId, scope)
                    .setFirstResult((int) Math.max(0, first - aboveCount)).setMaxResults(max - rows.size()).getResultList());
        }
        Map<String, Long> open = openIncidents(rows.stream().map(r -> ((ExamAttempt) r[0]).id()).toList());
        List<ReviewItem> items = rows.stream().map(r -> {
            ExamAttempt a = (ExamAttempt) r[0];
            Exam e = (Exam) r[1];
            int threshold = e.proctoring().reviewRiskThreshold();
            return new ReviewItem(a.id(), e.id(), e.title(), a.candidate(), a.status().name(), a.reviewStatus().name(),
                    a.reviewDecision() == null ? null : a.reviewDecision().name(), a.reviewedBy(), a.riskScore(), threshold,
                    a.riskScore() >= threshold, open.getOrDefault(a.id(), 0L), a.suspiciousBy() != null);
        }).toList();
        return new Page<>(items, aboveCount + belowCount);
    }

    /** Per incident type and source on an exam (the caller's attempts of it): how many, dismissed, confirmed. */
    public List<DetectorFigure> figures(@NotBlank String examId) {
        exam(examId);
        AttemptAccess.StaffScope scope = access.scope(false);
        String from = " FROM Incident i, ExamAttempt a WHERE a.id = i.attemptId AND a.examId = :exam"
                + (scope.everyAttempt() ? "" : " AND a.proctor = :proctor");
        Map<String, long[]> byKind = new java.util.TreeMap<>();
        String[] which = {"", " AND i.dismissed = TRUE", " AND i.confirmedBy IS NOT NULL"};
        for (int k = 0; k < which.length; k++) {
            TypedQuery<Object[]> q = em.createQuery("SELECT i.type, i.source, COUNT(i)" + from + which[k]
                    + " GROUP BY i.type, i.source", Object[].class).setParameter("exam", examId);
            scoped(q, scope);
            for (Object[] r : q.getResultList()) {
                byKind.computeIfAbsent(r[0] + "\u0000" + r[1], x -> new long[3])[k] = (Long) r[2];
            }
        }
        return byKind.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000");
            long[] n = e.getValue();
            return new DetectorFigure(key[0], key[1], n[0], n[1], n[2]);
        }).toList();
    }

    private <T> TypedQuery<T> reviewQuery(String jpql, Class<T> type, String examId, AttemptAccess.StaffScope scope) {
        TypedQuery<T> q = em.createQuery(jpql, type).setParameter("final", ReviewStatus.FINAL);
        if (examId != null) {
            q.setParameter("exam", examId);
        }
        scoped(q, scope);
        return q;
    }

    private Exam exam(String examId) {
        Exam exam = examId.length() > 36 ? null : em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        return exam;
    }

    private static void scoped(TypedQuery<?> q, AttemptAccess.StaffScope scope) {
        if (!scope.everyAttempt()) {
            q.setParameter("proctor", scope.proctor() == null ? "" : scope.proctor());
        }
    }

    private static <T> TypedQuery<T> paged(TypedQuery<T> q, int offset, int limit) {
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    private Map<String, Long> openIncidents(List<String> attemptIds) {
        Map<String, Long> open = new HashMap<>();
        if (!attemptIds.isEmpty()) {
            em.createQuery("SELECT i.attemptId, COUNT(i) FROM Incident i WHERE i.attemptId IN :ids AND i.dismissed = FALSE"
                            + " GROUP BY i.attemptId", Object[].class).setParameter("ids", attemptIds).getResultList()
                    .forEach(r -> open.put((String) r[0], (Long) r[1]));
        }
        return open;
    }

    /** Per attempt: the latest webcam frame's id, capture time and face count (null until analysed). */
    private Map<String, Object[]> latestFrames(List<String> attemptIds) {
        Map<String, Object[]> latest = new HashMap<>();
        if (attemptIds.isEmpty()) {
            return latest;
        }
        em.createQuery("SELECT m.attemptId, m.id, m.capturedAt FROM StoredMedia m WHERE m.attemptId IN :ids"
                        + " AND m.kind = :kind AND m.capturedAt = (SELECT MAX(n.capturedAt) FROM StoredMedia n"
                        + " WHERE n.attemptId = m.attemptId AND n.kind = :kind)", Object[].class)
                .setParameter("ids", attemptIds).setParameter("kind", MediaKind.WEBCAM_FRAME).getResultList()
                .forEach(r -> latest.put((String) r[0], new Object[]{r[1], r[2], null}));
        List<String> frameIds = latest.values().stream().map(f -> (String) f[0]).toList();
        if (!frameIds.isEmpty()) {
            em.createQuery("SELECT r FROM FrameAnalysisRecord r WHERE r.mediaId IN :ids", FrameAnalysisRecord.class)
                    .setParameter("ids", frameIds).getResultList()
                    .forEach(r -> latest.get(r.attemptId())[2] = r.faceCount());
        }
        return latest;
    }
}
