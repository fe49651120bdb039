package org.campusproctor.domain.attempt;

import org.campusproctor.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnswerAndRiskTest {

    static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void retriedSaveIsADuplicateAndOlderSaveIsStale() {
        Answer answer = new Answer("x", "a", "q", "first", "s1", 1, T);
        assertEquals(Answer.SaveOutcome.APPLIED, answer.save("second", "s2", 2, T));
        assertEquals(Answer.SaveOutcome.DUPLICATE, answer.save("second", "s2", 2, T));
        assertEquals(Answer.SaveOutcome.STALE, answer.save("first", "s1", 1, T));
        assertEquals("second", answer.response());
        assertEquals(2, answer.sequence());
        assertThrows(RuleViolationException.class, () -> answer.save("other", "s9", 2, T));
    }

    @Test
    void riskScoreIsAdditiveCappedPerTypeAndIgnoresDismissed() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            incidents.add(incident("NO_FACE", Severity.HIGH)); // 5 x 15 = 75, capped at 40
        }
        incidents.add(incident("TAB_SWITCH", Severity.MEDIUM)); // 5
        Incident phone = incident("PHONE_VISIBLE", Severity.CRITICAL); // 30
        incidents.add(phone);
        assertEquals(75, RiskScore.of(incidents));
        phone.dismiss("rev", "it was a calculator");
        assertEquals(45, RiskScore.of(incidents));
        assertEquals("ELEVATED", RiskScore.band(45));
        for (int i = 0; i < 4; i++) {
            incidents.add(incident("T" + i, Severity.CRITICAL));
        }
        assertEquals(100, RiskScore.of(incidents), "capped at 100");
        assertEquals("VERY_HIGH", RiskScore.band(100));
        assertEquals("LOW", RiskScore.band(0));
    }

    static Incident incident(String type, Severity severity) {
        return new Incident(org.campusproctor.domain.Ids.newId(), "a", type, IncidentSource.VISION, severity,
                List.of("m1"), "{}", "system", T);
    }
}
