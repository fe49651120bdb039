package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.identity.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts for the consoles' charts, each one grouped query: attempts per state, incidents per type, risk per exam. */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class ExamStatistics {

    /** Risk scores are 0..100; the distribution has buckets of this width. */
    public static final int RISK_BUCKET = 20;

    @PersistenceContext
    private EntityManager em;

    public Map<String, Long> attemptsPerState() {
        return grouped("SELECT a.status, COUNT(a) FROM ExamAttempt a GROUP BY a.status ORDER BY a.status");
    }

    public Map<String, Long> incidentsPerType() {
        return grouped("SELECT i.type, COUNT(i) FROM Incident i GROUP BY i.type ORDER BY i.type");
    }

    /** Attempts of the exam (all exams when null) per risk bucket 0-19, 20-39, ... 80-100. */
    public Map<String, Long> riskDistribution(String examId) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (int low = 0; low < 100; low += RISK_BUCKET) {
            buckets.put(low + "-" + (low + RISK_BUCKET >= 100 ? 100 : low + RISK_BUCKET - 1), 0L);
        }
        List<String> keys = List.copyOf(buckets.keySet());
        String where = examId == null ? "" : " WHERE a.examId = :examId";
        var query = em.createQuery("SELECT a.riskScore, COUNT(a) FROM ExamAttempt a" + where + " GROUP BY a.riskScore",
                Object[].class);
        if (examId != null) {
            query.setParameter("examId", examId);
        }
        for (Object[] row : query.getResultList()) {
            int risk = Math.max(0, Math.min(100, ((Number) row[0]).intValue()));
            buckets.merge(keys.get(Math.min(keys.size() - 1, risk / RISK_BUCKET)), ((Number) row[1]).longValue(), Long::sum);
        }
        return buckets;
    }

    private Map<String, Long> grouped(String jpql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
