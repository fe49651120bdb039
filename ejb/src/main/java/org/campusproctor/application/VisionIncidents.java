package org.campusproctor.application;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.campusproctor.domain.attempt.Severity;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the incidents a vision worker put in its analysis document (format of vision-worker's IncidentDetector):
 * <pre>{"incidents": [{"type": "LOOKING_AWAY", "startedAtMillis": ..., "durationMillis": 2000, "message": "...",
 *   "frameIds": ["..."], "evidence": [{"frameId": "...", "scores": {...}}], "thresholds": {...}}]}</pre>
 * Evidence = {@code frameIds}, else the {@code frameId}s (or plain strings) of {@code evidence}, else the analysed
 * frame. The whole incident object is kept as its scores JSON (message, per-frame scores, thresholds). Severity is
 * the incident's {@code severity} when given, else the type's default ({@link #defaultSeverity}). Entries without a
 * valid type are skipped: a worker bug must not dead-letter the frame's analysis.
 */
public final class VisionIncidents {

    public record Reported(String type, Severity severity, List<String> evidence, String scoresJson, Instant startedAt) {
    }

    private VisionIncidents() {
    }

    /**
     * Default weights of the worker's rules: a phone, a second face or a failed identity match weigh more than
     * looking away (which honest candidates do while thinking).
     */
    public static Severity defaultSeverity(String type) {
        return switch (type) {
            case "IDENTITY_MISMATCH" -> Severity.CRITICAL;
            case "MULTIPLE_FACES", "PHONE_SEEN", "SPOOF_SUSPECTED" -> Severity.HIGH;
            case "NO_FACE" -> Severity.MEDIUM;
            default -> Severity.LOW; // LOOKING_AWAY and anything new
        };
    }

    public static List<Reported> parse(String detailJson, String mediaId) {
        JsonObject detail;
        try (JsonReader reader = Json.createReader(new StringReader(detailJson))) {
            detail = reader.readObject();
        } catch (RuntimeException e) {
            return List.of();
        }
        JsonValue list = detail.get("incidents");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        List<Reported> reported = new ArrayList<>();
        for (JsonValue value : list.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject incident = value.asJsonObject();
            String type = incident.get("type") instanceof JsonString t ? t.getString().trim().toUpperCase(Locale.ROOT) : null;
            if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,63}")) {
                continue;
            }
            Severity severity = defaultSeverity(type);
            if (incident.get("severity") instanceof JsonString given) {
                try {
                    severity = Severity.valueOf(given.getString().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // keep the type's default
                }
            }
            List<String> evidence = new ArrayList<>(ids(incident.get("frameIds")));
            if (evidence.isEmpty()) {
                evidence.addAll(ids(incident.get("evidence")));
            }
            if (evidence.isEmpty()) {
                evidence.add(mediaId);
            }
            Instant startedAt = incident.get("startedAtMillis") instanceof JsonNumber n ? Instant.ofEpochMilli(n.longValue()) : null;
            reported.add(new Reported(type, severity, List.copyOf(evidence), incident.toString(), startedAt));
        }
        return reported;
    }

    private static List<String> ids(JsonValue value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s && !s.getString().isBlank()) {
                    ids.add(s.getString());
                } else if (item instanceof JsonObject o && o.get("frameId") instanceof JsonString s && !s.getString().isBlank()) {
                    ids.add(s.getString());
                }
            }
        }
        return ids;
    }
}
