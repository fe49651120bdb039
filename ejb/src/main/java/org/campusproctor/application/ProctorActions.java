package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.IdentityCheckOutcome;
import org.campusproctor.domain.attempt.IdentityVerification;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.domain.attempt.IncidentSource;
import org.campusproctor.domain.attempt.Severity;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.StoredMedia;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a proctor does during an attempt: verify identity, message, warn, pause, resume, add time, terminate, flag.
 * A proctor acts on the attempts assigned to them, an admin on any ({@link AttemptAccess#assigned}). Every action is on the
 * attempt's timeline and in the audit log.
 */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class ProctorActions {

    /** Most pieces of evidence on one flag (their ids fit the incident's evidence column). */
    public static final int MAX_EVIDENCE = 50;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    @Inject
    private AttemptWork work;

    @Inject
    private AttemptScorer scorer;

    @Inject
    private IncidentReporting incidents;

    @Inject
    private EnrolmentPhotos enrolmentPhotos;

    /**
     * The proctor approves the candidate's identity check (one that did not pass the face match, or had none). Where
     * the registration has no enrolment photo yet, the candidate's identity-check photo, if it shows one live face,
     * becomes it (audited).
     */
    public AttemptView verifyIdentity(@NotBlank String attemptId) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.identityVerified(work.caller(), IdentityVerification.PROCTOR, Instant.now());
        String detail = null;
        Registration registration = em.find(Registration.class, attempt.registrationId());
        if (registration != null && registration.enrolmentMediaId() == null && attempt.identityPhotoMediaId() != null
                && attempt.identityCheckOutcome() == IdentityCheckOutcome.NO_ENROLMENT) {
            StoredMedia photo = em.find(StoredMedia.class, attempt.identityPhotoMediaId());
            if (photo != null) {
                StoredMedia enrolment = enrolmentPhotos.record(registration, enrolmentPhotos.bytes(photo), work.caller(),
                        "identity check of attempt " + attemptId + " approved by " + work.caller());
                detail = "enrolment photo " + enrolment.id() + " taken from identity-check photo " + photo.id();
            }
        }
        return act(attempt, TimelineEntry.Kind.TRANSITION, "IDENTITY_VERIFIED", detail);
    }

    public AttemptView pause(@NotBlank String attemptId, @NotBlank @Size(max = 500) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.pause(Instant.now());
        return act(attempt, TimelineEntry.Kind.PROCTOR_ACTION, "PAUSED", reason);
    }

    public AttemptView resume(@NotBlank String attemptId) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.resume(Instant.now());
        return act(attempt, TimelineEntry.Kind.PROCTOR_ACTION, "RESUMED", "new deadline " + attempt.deadline());
    }

    public AttemptView addTime(@NotBlank String attemptId, @Positive long seconds, @NotBlank @Size(max = 500) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.extend(Duration.ofSeconds(seconds), Instant.now());
        return act(attempt, TimelineEntry.Kind.PROCTOR_ACTION, "TIME_ADDED", seconds + " s: " + reason);
    }

    public AttemptView terminate(@NotBlank String attemptId, @NotBlank @Size(max = 500) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.terminate(Instant.now(), reason);
        scorer.score(attempt);
        return act(attempt, TimelineEntry.Kind.PROCTOR_ACTION, "TERMINATED", reason);
    }

    /** Ends an attempt broken by a technical failure; it goes to review like any completed attempt. */
    public AttemptView reportError(@NotBlank String attemptId, @NotBlank @Size(max = 500) String reason) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.fail(Instant.now(), reason);
        scorer.score(attempt);
        return act(attempt, TimelineEntry.Kind.TRANSITION, "ERROR", reason);
    }

    /** A message (informational) or a warning (recorded for the reviewer) to the candidate. */
    public AttemptView message(@NotBlank String attemptId, boolean warning, @NotBlank @Size(max = 1000) String text) {
        ExamAttempt attempt = access.assigned(attemptId);
        attempt.requireNotCompleted();
        return act(attempt, warning ? TimelineEntry.Kind.WARNING : TimelineEntry.Kind.MESSAGE, warning ? "WARNED" : "MESSAGED", text);
    }

    /** A proctor's flag, with evidence: at most {@value #MAX_EVIDENCE} media ids, each of this attempt. */
    public String flagIncident(@NotBlank String attemptId, @NotBlank String type, @NotNull Severity severity,
                               @Size(max = MAX_EVIDENCE) List<String> evidenceMediaIds, @Size(max = 2000) String note) {
        access.assigned(attemptId);
        List<String> evidence = evidenceOf(attemptId, evidenceMediaIds);
        String id = incidents.raise(attemptId, type, severity, IncidentSource.PROCTOR, evidence, note, work.caller());
        work.audit("INCIDENT_FLAGGED", attemptId, type + " " + severity);
        return id;
    }

    /** The distinct ids, each of a media object (frame, screen chunk) of this attempt; else 400, nothing recorded. */
    private List<String> evidenceOf(String attemptId, List<String> mediaIds) {
        if (mediaIds == null || mediaIds.isEmpty()) {
            return List.of();
        }
        if (mediaIds.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new InvalidInputException("Evidence ids must not be blank");
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(mediaIds));
        long ofAttempt = em.createNamedQuery(StoredMedia.COUNT_OF_ATTEMPT, Long.class)
                .setParameter("attemptId", attemptId).setParameter("ids", distinct).getSingleResult();
        if (ofAttempt != distinct.size()) {
            throw new InvalidInputException("Evidence must be frames of attempt " + attemptId);
        }
        return distinct;
    }

    private AttemptView act(ExamAttempt attempt, TimelineEntry.Kind kind, String action, String detail) {
        return work.audited(attempt, kind, action, "PROCTOR_" + action, detail);
    }
}
