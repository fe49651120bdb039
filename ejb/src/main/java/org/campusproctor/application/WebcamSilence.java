package org.campusproctor.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.IncidentSource;
import org.campusproctor.domain.attempt.Severity;
import org.campusproctor.domain.media.MediaKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Missing frames are a signal too: a running attempt of an exam that requires the webcam, from which no frame has
 * arrived for three frame intervals (at least {@value #MIN_SILENCE_SECONDS} s) since it started, resumed or last sent
 * one, gets a {@value #TYPE} incident, one per silence, so a candidate cannot opt out of proctoring by staying silent.
 * Nothing is raised while the server itself refuses frames (the vision backlog is full): that silence is ours.
 */
@Stateless
@PermitAll
public class WebcamSilence {

    public static final String TYPE = "WEBCAM_SILENT";
    static final int MIN_SILENCE_SECONDS = 30;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FrameAdmission admission;

    @Inject
    private IncidentReporting incidents;

    /** Running webcam attempts: id, when the clock started, the exam's frame interval. */
    public List<Object[]> watched() {
        return em.createQuery("SELECT a.id, a.startedAt, e.proctoring.frameIntervalSeconds FROM ExamAttempt a, Exam e"
                        + " WHERE a.examId = e.id AND a.status = :status AND e.proctoring.webcamRequired = TRUE", Object[].class)
                .setParameter("status", AttemptStatus.IN_PROGRESS).setMaxResults(5000).getResultList();
    }

    /** A watched attempt silent for longer than allowed, and not yet reported for this silence. */
    public record Silence(String attemptId, Instant silentSince, Duration allowed) {
    }

    /** The watched attempts silent too long; each is then raised in its own transaction ({@link #raiseIfStillSilent}). */
    public List<Silence> silent(Instant now) {
        List<Silence> silent = new ArrayList<>();
        if (admission.awaitingAnalysis() >= Settings.FRAMES_MAX_PENDING.value()) {
            return silent; // frames are being refused for back-pressure: not the candidates' silence
        }
        // one query for the attempts that sent a frame lately (none of them can be silent), then three per attempt
        // only for the others: the sweep no longer queries every running attempt every few seconds
        Set<String> framedLately = framedSince(now.minusSeconds(MIN_SILENCE_SECONDS));
        for (Object[] row : watched()) {
            String attemptId = (String) row[0];
            if (framedLately.contains(attemptId)) {
                continue;
            }
            Instant started = (Instant) row[1];
            int interval = ((Number) row[2]).intValue();
            Duration allowed = Duration.ofSeconds(Math.max(MIN_SILENCE_SECONDS, 3L * interval));
            Instant silentSince = latest(started, lastFrame(attemptId), lastResume(attemptId));
            Instant lastIncident = lastIncident(attemptId);
            if (silentSince != null && now.isAfter(silentSince.plus(allowed))
                    && (lastIncident == null || lastIncident.isBefore(silentSince))) {
                silent.add(new Silence(attemptId, silentSince, allowed));
            }
        }
        return silent;
    }

    /**
     * Re-checked under the attempt's lock, in its own transaction: a frame may have arrived meanwhile, and the sweep
     * of another node may have raised the same silence (the lock makes this one wait and then see it).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean raiseIfStillSilent(Silence silence) {
        String attemptId = silence.attemptId();
        Instant silentSince = silence.silentSince();
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || attempt.status() != AttemptStatus.IN_PROGRESS) {
            return false;
        }
        Instant frame = lastFrame(attemptId);
        Instant incident = lastIncident(attemptId);
        if (frame != null && frame.isAfter(silentSince) || incident != null && !incident.isBefore(silentSince)) {
            return false;
        }
        incidents.raise(attemptId, TYPE, Severity.HIGH, IncidentSource.SERVER, List.of(),
                "no webcam frame since " + silentSince + " (more than " + silence.allowed().toSeconds() + " s)", "system");
        return true;
    }

    /**
     * The attempts that stored a webcam frame after the instant (the index on the storage time; at most the frames of
     * those seconds). An attempt is silent only after {@value #MIN_SILENCE_SECONDS} s or more without one.
     */
    private Set<String> framedSince(Instant since) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT m.attemptId FROM StoredMedia m WHERE m.storedAt > :since"
                        + " AND m.kind = :kind AND m.attemptId IS NOT NULL", String.class)
                .setParameter("since", since).setParameter("kind", MediaKind.WEBCAM_FRAME).getResultList());
    }

    private Instant lastFrame(String attemptId) {
        return em.createQuery("SELECT MAX(m.storedAt) FROM StoredMedia m WHERE m.attemptId = :attemptId AND m.kind = :kind",
                Instant.class).setParameter("attemptId", attemptId).setParameter("kind", MediaKind.WEBCAM_FRAME).getSingleResult();
    }

    private Instant lastResume(String attemptId) {
        return em.createQuery("SELECT MAX(t.at) FROM TimelineEntry t WHERE t.attemptId = :attemptId AND t.action = 'RESUMED'",
                Instant.class).setParameter("attemptId", attemptId).getSingleResult();
    }

    private Instant lastIncident(String attemptId) {
        return em.createQuery("SELECT MAX(i.occurredAt) FROM Incident i WHERE i.attemptId = :attemptId AND i.type = :type",
                Instant.class).setParameter("attemptId", attemptId).setParameter("type", TYPE).getSingleResult();
    }

    private static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant i : instants) {
            if (i != null && (latest == null || i.isAfter(latest))) {
                latest = i;
            }
        }
        return latest;
    }
}
