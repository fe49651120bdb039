package org.campusproctor.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.contract.vision.FrameToAnalyse;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.contract.vision.VisionIncident;
import org.campusproctor.contract.vision.VisionMessages;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Incident;
import org.campusproctor.domain.attempt.IncidentSource;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.job.JobFile;
import org.campusproctor.domain.job.JobReportLine;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.ReanalysedFrame;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.infrastructure.messaging.FrameDispatcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The re-analysis job's use case: the stored webcam frames of one exam or one attempt (those stored before the run
 * began) are sent through the {@code frames} queue again, marked with the run (the job instance), with the exam's
 * current incident thresholds; the workers' reports come back as {@link ReanalysedFrame}s, never as incidents. The
 * report then compares them with the original analyses and the attempts' recorded vision incidents:
 * <ul>
 *     <li>per frame: the face count, the stages that ran (detectors added or gone, e.g. after a model upgrade) and
 *     the objects seen, where they differ; a frame whose result never came back (dead-lettered, or the workers
 *     too slow) is listed as missing;</li>
 *     <li>per attempt: each incident the rules would raise now that is not recorded, and each recorded vision
 *     incident they would not raise now (an episode is the same when its type and start are, as when the live
 *     results are recorded).</li>
 * </ul>
 * Only the reanalysis job calls this, on behalf of the registrar who started it.
 */
@Stateless
public class FrameReanalysis {

    public static final String FRAMES_COMPARED = "framesCompared";
    public static final String FRAMES_CHANGED = "framesChanged";
    public static final String FRAMES_MISSING = "framesMissing";
    public static final String INCIDENTS_NEW = "incidentsWouldBeRaised";
    public static final String INCIDENTS_GONE = "incidentsWouldNotBeRaised";
    public static final List<String> CSV_COLUMNS = List.of("attempt", "frame", "capturedAt", "change", "before", "after");

    /** Which frames a run covers: an exam's or one attempt's, stored before the run began. */
    public record Scope(String examId, String attemptId, Instant storedBefore) implements Serializable {
        public Scope {
            if ((examId == null) == (attemptId == null)) {
                throw new IllegalArgumentException("an exam or an attempt");
            }
            Objects.requireNonNull(storedBefore);
        }
    }

    /** Where the reader is: the last frame handed out, in (attempt, capture time, id) order. */
    public record Cursor(String attemptId, Instant capturedAt, String mediaId) implements Serializable {
    }

    /** A frame to send again and the cursor after it. */
    public record Item(FrameToAnalyse frame, Cursor cursor) {
    }

    /** One attempt's comparison: counts and the CSV lines of its changes. */
    public record Compared(Map<String, Long> counts, List<List<String>> csvLines) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FrameDispatcher dispatcher;

    @Inject
    private FrameAdmission admission;

    @Inject
    private EnrolmentPhotos enrolmentPhotos;

    @Inject
    private JobFileStore files;

    public long frameCount(Scope scope) {
        return frames(scope, null, "SELECT COUNT(m)", "", Long.class).getSingleResult();
    }

    /** The next page of frames after the cursor (null: from the start), as messages of the run. */
    public List<Item> page(Scope scope, Cursor after, int size, long runId) {
        List<StoredMedia> page = frames(scope, after, "SELECT m", " ORDER BY m.attemptId, m.capturedAt, m.id",
                StoredMedia.class).setMaxResults(size).getResultList();
        Map<String, Function<StoredMedia, FrameToAnalyse>> byAttempt = new HashMap<>();
        List<Item> items = new ArrayList<>(page.size());
        for (StoredMedia m : page) {
            FrameToAnalyse frame = byAttempt.computeIfAbsent(m.attemptId(), a -> messages(a, runId)).apply(m);
            items.add(new Item(frame, new Cursor(m.attemptId(), m.capturedAt(), m.id())));
        }
        return items;
    }

    /** How to send an attempt's frames: its enrolment photo and its exam's thresholds as they are now. */
    private Function<StoredMedia, FrameToAnalyse> messages(String attemptId, long runId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId);
        Exam exam = em.find(Exam.class, attempt.examId());
        String enrolmentKey = enrolmentPhotos.storageKey(em.find(Registration.class, attempt.registrationId()));
        IncidentThresholds thresholds = exam.proctoring().incidentThresholds();
        IncidentThresholds sent = thresholds.overridesNothing() ? null : thresholds;
        return m -> new FrameToAnalyse(m.id(), attemptId, m.storageKey(), m.capturedAt().toEpochMilli(), enrolmentKey,
                sent, Long.toString(runId));
    }

    private <T> TypedQuery<T> frames(Scope scope, Cursor after, String select, String order, Class<T> type) {
        String jpql = select + " FROM StoredMedia m WHERE m.kind = :kind AND m.storedAt < :before AND "
                + (scope.attemptId() != null ? "m.attemptId = :attemptId"
                : "m.attemptId IN (SELECT a.id FROM ExamAttempt a WHERE a.examId = :examId)")
                + (after == null ? "" : " AND (m.attemptId > :a OR (m.attemptId = :a AND (m.capturedAt > :t"
                + " OR (m.capturedAt = :t AND m.id > :id))))") + order;
        TypedQuery<T> q = em.createQuery(jpql, type).setParameter("kind", MediaKind.WEBCAM_FRAME)
                .setParameter("before", scope.storedBefore());
        if (scope.attemptId() != null) {
            q.setParameter("attemptId", scope.attemptId());
        } else {
            q.setParameter("examId", scope.examId());
        }
        if (after != null) {
            q.setParameter("a", after.attemptId()).setParameter("t", after.capturedAt()).setParameter("id", after.mediaId());
        }
        return q;
    }

    /** Queues the frames, in the caller's (the chunk's) transaction. */
    public void dispatch(List<FrameToAnalyse> frames) {
        frames.forEach(dispatcher::dispatch);
    }

    /** Results of the run recorded so far. */
    public long returned(long runId) {
        return em.createNamedQuery(ReanalysedFrame.COUNT_OF_RUN, Long.class).setParameter("runId", runId).getSingleResult();
    }

    /** Live frames awaiting analysis (see {@link FrameAdmission}): the run holds back while they are many. */
    public boolean liveFramesBehind() {
        return admission.awaitingAnalysis() >= Math.max(1, org.campusproctor.contract.settings.Settings.FRAMES_MAX_PENDING.value() / 2);
    }

    /** The attempts of the scope, in id order. */
    public List<String> attempts(Scope scope) {
        if (scope.attemptId() != null) {
            return List.of(scope.attemptId());
        }
        return em.createQuery("SELECT a.id FROM ExamAttempt a WHERE a.examId = :examId ORDER BY a.id", String.class)
                .setParameter("examId", scope.examId()).getResultList();
    }

    /** Removes the report lines of an earlier try of the comparison (a restarted report starts again). */
    public void forgetReport(long jobInstanceId) {
        em.createNamedQuery(JobReportLine.DELETE_OF_INSTANCE).setParameter("instanceId", jobInstanceId).executeUpdate();
    }

    /**
     * Compares one attempt's re-analysis with its original analyses and recorded incidents; writes a report line per
     * change, numbered from {@code firstLine}.
     */
    public Compared compare(Scope scope, String attemptId, long runId, long jobInstanceId, long firstLine) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : List.of(FRAMES_COMPARED, FRAMES_CHANGED, FRAMES_MISSING, INCIDENTS_NEW, INCIDENTS_GONE)) {
            counts.put(k, 0L);
        }
        List<List<String>> csv = new ArrayList<>();
        long[] line = {firstLine};
        Map<String, ReanalysedFrame> now = em.createQuery(
                        "SELECT r FROM ReanalysedFrame r WHERE r.runId = :runId AND r.attemptId = :attemptId", ReanalysedFrame.class)
                .setParameter("runId", runId).setParameter("attemptId", attemptId).getResultStream()
                .collect(Collectors.toMap(ReanalysedFrame::mediaId, r -> r));
        Scope one = new Scope(null, attemptId, scope.storedBefore());
        List<StoredMedia> frames = frames(one, null, "SELECT m", " ORDER BY m.capturedAt, m.id", StoredMedia.class)
                .getResultList();
        List<VisionIncident> wouldRaise = new ArrayList<>();
        for (StoredMedia frame : frames) {
            ReanalysedFrame result = now.get(frame.id());
            String at = frame.capturedAt().toString();
            if (result == null) {
                counts.merge(FRAMES_MISSING, 1L, Long::sum);
                change(jobInstanceId, line, csv, attemptId, frame.id(), at, "missing", "",
                        "no result came back (dead-lettered, or the workers did not answer in time)");
                continue;
            }
            counts.merge(FRAMES_COMPARED, 1L, Long::sum);
            FrameAnalysisReport after = VisionMessages.fromJson(result.detailJson(), FrameAnalysisReport.class);
            wouldRaise.addAll(after.incidents());
            FrameAnalysisRecord original = em.find(FrameAnalysisRecord.class, frame.id());
            FrameAnalysisReport before = original == null || original.status() != FrameAnalysisRecord.Status.ANALYSED
                    ? null : VisionMessages.fromJson(original.detailJson(), FrameAnalysisReport.class);
            boolean changed = false;
            if (before == null) {
                changed = change(jobInstanceId, line, csv, attemptId, frame.id(), at, "original analysis", "none",
                        "faces " + after.faceCount());
            } else {
                if (!Objects.equals(before.faceCount(), after.faceCount())) {
                    changed = change(jobInstanceId, line, csv, attemptId, frame.id(), at, "faces",
                            String.valueOf(before.faceCount()), String.valueOf(after.faceCount()));
                }
                if (!new TreeSet<>(before.stages()).equals(new TreeSet<>(after.stages()))) {
                    changed |= change(jobInstanceId, line, csv, attemptId, frame.id(), at, "detectors",
                            String.join(" ", new TreeSet<>(before.stages())), String.join(" ", new TreeSet<>(after.stages())));
                }
                if (!labels(before).equals(labels(after))) {
                    changed |= change(jobInstanceId, line, csv, attemptId, frame.id(), at, "objects",
                            String.join(" ", labels(before)), String.join(" ", labels(after)));
                }
            }
            if (changed) {
                counts.merge(FRAMES_CHANGED, 1L, Long::sum);
            }
        }
        // episodes: the same when type and start are (as IncidentReporting records a worker's episode once)
        Map<String, Integer> recorded = new HashMap<>();
        for (Incident i : em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", attemptId)
                .getResultList()) {
            if (i.source() == IncidentSource.VISION) {
                recorded.merge(i.type() + "@" + i.occurredAt().toEpochMilli(), 1, Integer::sum);
            }
        }
        Map<String, Integer> raised = new HashMap<>();
        for (VisionIncident i : wouldRaise) {
            String key = i.type().name() + "@" + i.startedAtMillis();
            raised.merge(key, 1, Integer::sum);
            if (recorded.getOrDefault(key, 0) >= raised.get(key)) {
                continue;
            }
            counts.merge(INCIDENTS_NEW, 1L, Long::sum);
            change(jobInstanceId, line, csv, attemptId, i.evidence().isEmpty() ? "" : i.evidence().get(0).frameId(),
                    Instant.ofEpochMilli(i.startedAtMillis()).toString(), "incident would be raised now, not recorded",
                    "", i.type().name() + ": " + i.message());
        }
        for (Incident i : em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", attemptId)
                .getResultList()) {
            String key = i.type() + "@" + i.occurredAt().toEpochMilli();
            if (i.source() != IncidentSource.VISION) {
                continue;
            }
            if (raised.getOrDefault(key, 0) > 0) {
                raised.merge(key, -1, Integer::sum);
                continue;
            }
            counts.merge(INCIDENTS_GONE, 1L, Long::sum);
            change(jobInstanceId, line, csv, attemptId, i.evidenceMediaIds().isEmpty() ? "" : i.evidenceMediaIds().get(0),
                    i.occurredAt().toString(), "recorded incident would not be raised now", i.type() + " (incident "
                            + i.id() + (i.dismissed() ? ", dismissed" : "") + ")", "");
        }
        return new Compared(counts, csv);
    }

    /** The objects' labels (none when object detection did not run). */
    private static TreeSet<String> labels(FrameAnalysisReport report) {
        return report.objects() == null ? new TreeSet<>() : report.objects().stream().map(FrameAnalysisReport.DetectedObject::label)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Records one change as a report line and a CSV line; true. */
    private boolean change(long jobInstanceId, long[] line, List<List<String>> csv, String attemptId, String frameId,
                           String at, String what, String before, String after) {
        String reason = what + (before.isEmpty() ? "" : ": " + before) + (after.isEmpty() ? "" : " → " + after);
        em.persist(new JobReportLine(Ids.newId(), jobInstanceId, line[0]++,
                "attempt " + attemptId + (frameId.isEmpty() ? "" : " frame " + frameId), reason, Instant.now()));
        csv.add(List.of(attemptId, frameId, at, what, before, after));
        return true;
    }

    /** The CSV of every change, a job file of the run. */
    public JobFile writeCsv(long jobInstanceId, String actor, List<List<String>> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).build())) {
            for (List<String> line : lines) {
                out.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.write(JobFile.Purpose.EXPORT, "reanalysis-" + jobInstanceId + "-changes.csv", "text/csv",
                bytes.toByteArray(), actor, jobInstanceId);
    }
}
