package org.campusproctor.domain.attempt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Risk score of an attempt, 0-100, additive and capped (after the SAY model): every incident that was not dismissed
 * adds its severity's weight (LOW 2, MEDIUM 5, HIGH 15, CRITICAL 30); one incident type contributes at most
 * {@value #CAP_PER_TYPE} (so a flickering detector cannot dominate); the total is capped at 100.
 * Bands: below 20 low, below 50 elevated, below 80 high, else very high. It orders the review queue; it never
 * changes an outcome.
 */
public final class RiskScore {

    public static final int CAP_PER_TYPE = 40;

    private RiskScore() {
    }

    public static int of(List<Incident> incidents) {
        Map<String, Integer> perType = new HashMap<>();
        for (Incident incident : incidents) {
            if (!incident.dismissed()) {
                perType.merge(incident.type(), incident.severity().weight(), Integer::sum);
            }
        }
        int total = perType.values().stream().mapToInt(v -> Math.min(v, CAP_PER_TYPE)).sum();
        return Math.min(100, total);
    }

    public static String band(int score) {
        return score < 20 ? "LOW" : score < 50 ? "ELEVATED" : score < 80 ? "HIGH" : "VERY_HIGH";
    }
}
