package org.campusproctor.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.domain.media.FrameAnalysed;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.StoredMedia;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Severity;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records a vision worker's analysis of a frame (once: redelivered results are ignored) and announces it. When the
 * frame belongs to a real attempt and the analysis carries {@code "incidents": [{"type", "severity", "scores",
 * "evidence"}]}, each becomes an incident on the attempt (see {@link IncidentReporting}), in the same transaction.
 */
@Stateless
public class VisionResultRecorder {

    private static final Logger LOG = Logger.getLogger(VisionResultRecorder.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<FrameAnalysed> analysed;

    @Inject
    private IncidentReporting incidents;

    public void record(@NotBlank String mediaId, @NotNull FrameAnalysisRecord.Status status, Integer faceCount,
                       @NotBlank String workerNode, @NotNull String detailJson) {
        if (em.find(FrameAnalysisRecord.class, mediaId) != null) {
            LOG.fine(() -> "Analysis of " + mediaId + " already recorded; duplicate delivery ignored");
            return;
        }
        StoredMedia frame = em.find(StoredMedia.class, mediaId);
        if (frame == null) {
            throw new IllegalArgumentException("Analysis for unknown frame " + mediaId);
        }
        em.persist(new FrameAnalysisRecord(mediaId, frame.attemptRef(), status, faceCount, workerNode,
                Instant.now(), detailJson));
        if (em.find(ExamAttempt.class, frame.attemptRef()) != null) {
            raiseIncidents(frame.attemptRef(), mediaId, detailJson);
        }
        analysed.fire(new FrameAnalysed(mediaId, frame.attemptRef(), status.name(), faceCount, workerNode, detailJson));
    }

    private void raiseIncidents(String attemptId, String mediaId, String detailJson) {
        JsonObject detail;
        try (JsonReader reader = Json.createReader(new StringReader(detailJson))) {
            detail = reader.readObject();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Analysis of " + mediaId + " is not a JSON object; no incidents read");
            return;
        }
        JsonValue list = detail.get("incidents");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        for (JsonValue value : list.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject incident = value.asJsonObject();
            List<String> evidence = new ArrayList<>();
            JsonArray given = incident.containsKey("evidence") && incident.get("evidence").getValueType() == JsonValue.ValueType.ARRAY
                    ? incident.getJsonArray("evidence") : null;
            if (given != null) {
                given.getValuesAs(JsonString.class).forEach(s -> evidence.add(s.getString()));
            }
            if (evidence.isEmpty()) {
                evidence.add(mediaId);
            }
            JsonValue scores = incident.get("scores");
            incidents.raiseIncident(attemptId, incident.getString("type", "UNSPECIFIED"),
                    Severity.valueOf(incident.getString("severity", "LOW").toUpperCase(java.util.Locale.ROOT)),
                    evidence, scores == null ? null : scores.toString());
        }
    }
}
