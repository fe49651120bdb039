package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.BrowserEvent;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.IncidentSource;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.infrastructure.media.TransactionalMedia;
import org.campusproctor.domain.registration.Registration;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/** What a candidate does with their own attempt: open it, pass the identity check, start, autosave, submit. */
@Stateless
@RolesAllowed(Role.CANDIDATE_NAME)
public class CandidateAttempts {

    private static final SecureRandom SEEDS = new SecureRandom();

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
    private TransactionalMedia media;

    @Inject
    private FaceChecks faces;

    @Inject
    private EnrolmentPhotos enrolmentPhotos;

    /** Opens the one attempt of a registration (idempotent: a second call returns the same attempt). */
    public AttemptView open(@NotBlank String registrationId) {
        Registration registration = access.ownRegistration(registrationId); // never confirm others' registrations exist
        List<ExamAttempt> existing = em.createNamedQuery(ExamAttempt.BY_REGISTRATION, ExamAttempt.class)
                .setParameter("registrationId", registrationId).getResultList();
        if (!existing.isEmpty()) {
            return work.view(existing.get(0), false);
        }
        // the exam's row lock, as ExamAuthoring.changeSettings takes it: a settings change either sees this attempt
        // (and keeps the duration it holds) or commits before the attempt reads the duration
        Exam exam = em.find(Exam.class, registration.examId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        exam.checkOpenForAttempts(now);
        ExamAttempt attempt = new ExamAttempt(Ids.newId(), registrationId, exam.id(), registration.candidate(),
                registration.proctor(), exam.proctoring().identityCheckRequired(),
                exam.duration().plus(registration.extraTime()), SEEDS.nextLong(), now);
        em.persist(attempt);
        work.log(attempt, TimelineEntry.Kind.TRANSITION, "CREATED",
                "allowed " + attempt.totalAllowedSeconds() + " s (extra time " + registration.extraTime().toSeconds() + " s)");
        work.audit("ATTEMPT_OPENED", attempt.id(), "exam=" + exam.id());
        return work.view(attempt, false);
    }

    /**
     * The candidate consents to the exam's proctoring before starting: recorded in the audit log with what was
     * consented to (the exam's settings as the consent page states them).
     */
    public void consent(@NotBlank String attemptId) {
        ExamAttempt attempt = access.own(attemptId);
        attempt.requireNotCompleted();
        Exam exam = em.find(Exam.class, attempt.examId());
        String terms = (exam.proctoring().webcamRequired() ? "webcam every " + exam.proctoring().frameIntervalSeconds() + " s; " : "")
                + (exam.proctoring().screenRecordingRequired() ? "screen recording; " : "")
                + (exam.proctoring().identityCheckRequired() ? "identity check; " : "") + "answers; browser events";
        work.audit("PROCTORING_CONSENTED", attemptId, terms);
    }

    public AttemptView beginIdentityCheck(@NotBlank String attemptId) {
        ExamAttempt attempt = access.own(attemptId);
        attempt.beginIdentityCheck(Instant.now());
        return logged(attempt, "IDENTITY_CHECK");
    }

    /**
     * The candidate's photo for the identity check (JPEG or PNG from the webcam): stored with the attempt, compared
     * with the registration's enrolment photo at the exam's threshold. A match makes the attempt READY; anything else
     * (no enrolment, a different face, no face, several, a spoof) leaves it in IDENTITY_CHECK for a proctor's approval,
     * never READY by itself. At most {@link FaceChecks#MAX_IDENTITY_PHOTOS} photos per attempt.
     */
    public AttemptView submitIdentityPhoto(@NotBlank String attemptId, @NotNull byte[] photo) {
        ExamAttempt attempt = access.own(attemptId);
        Instant now = Instant.now();
        boolean wasCreated = attempt.status() == AttemptStatus.CREATED;
        attempt.admitIdentityPhoto(FaceChecks.MAX_IDENTITY_PHOTOS, now);
        if (wasCreated) {
            work.log(attempt, TimelineEntry.Kind.TRANSITION, "IDENTITY_CHECK", null);
        }
        ImageFormat format = ImageFormat.of(photo, FrameIntake.maxFrameBytes());
        String id = StoredMedia.newId();
        StoredObject object = media.put(attemptId + "/identity/" + id + "." + format.extension(), photo);
        em.persist(new StoredMedia(id, MediaKind.IDENTITY_PHOTO, attemptId, object, format.contentType(), now, now));
        Exam exam = em.find(Exam.class, attempt.examId());
        FaceChecks.Result r = faces.compare(exam, enrolmentPhotos.storageKey(em.find(Registration.class, attempt.registrationId())),
                object.key());
        attempt.identityPhotoChecked(id, r.outcome(), r.distance(), r.threshold(), "face-match", now);
        String detail = "photo=" + id + " sha256=" + object.sha256() + " outcome=" + r.outcome()
                + (r.distance() == null ? "" : String.format(java.util.Locale.ROOT, " distance=%.3f threshold=%.3f", r.distance(), r.threshold()));
        work.audit("IDENTITY_PHOTO_CHECKED", attemptId, detail);
        work.log(attempt, TimelineEntry.Kind.TRANSITION, r.outcome().needsProctor() ? "IDENTITY_CHECK_AWAITS_PROCTOR" : "READY",
                r.outcome() + ": " + r.message());
        return work.view(attempt, false);
    }

    /**
     * Exams without an identity check: the candidate confirms they are ready (system check done). Where the exam
     * requires one, a proctor's approval makes the attempt ready ({@link ProctorActions#verifyIdentity}).
     */
    public AttemptView markReady(@NotBlank String attemptId) {
        ExamAttempt attempt = access.own(attemptId);
        attempt.markReady(Instant.now());
        return logged(attempt, "READY");
    }

    public AttemptView start(@NotBlank String attemptId) {
        ExamAttempt attempt = access.own(attemptId);
        em.find(Exam.class, attempt.examId()).checkOpenForAttempts(Instant.now());
        attempt.start(Instant.now());
        work.audit("ATTEMPT_STARTED", attemptId, "deadline " + attempt.deadline());
        return logged(attempt, "IN_PROGRESS");
    }

    /**
     * Autosaves one answer. Idempotent: a retry of an acknowledged save (same sequence and save id) is acknowledged
     * again without change, even after the deadline; an older sequence never overwrites a newer one. New content is
     * accepted only while the attempt runs and before its deadline. The attempt row is locked, so concurrent saves of
     * one attempt are serialised and the unique (attempt, question) row is never duplicated. A response the question
     * can never accept (too long for its type, a number beyond the bounds) is refused (400) before anything is
     * saved; every applied save is also kept as a revision of the answer.
     */
    public AttemptView.SaveReceipt saveAnswer(@NotBlank String attemptId, @NotBlank String questionId,
                                              @Size(max = 100_000) String response,
                                              @NotBlank @Size(max = 64) String saveId, @Positive long sequence) {
        ExamAttempt attempt = access.own(attemptId);
        em.find(Exam.class, attempt.examId()).question(questionId).checkResponse(response); // also: the exam's question
        Instant now = Instant.now();
        Answer answer = em.createQuery("SELECT a FROM Answer a WHERE a.attemptId = :attemptId AND a.questionId = :questionId", Answer.class)
                .setParameter("attemptId", attemptId).setParameter("questionId", questionId)
                .getResultStream().findFirst().orElse(null);
        boolean replay = answer != null && sequence <= answer.sequence();
        if (!replay && !attempt.acceptsAnswers(now)) {
            throw new RuleViolationException(attempt.deadlinePassed(now) ? "DEADLINE_PASSED" : "NOT_ACCEPTING_ANSWERS",
                    "Attempt " + attemptId + " is " + attempt.status() + " and accepts no answers");
        }
        Answer.SaveOutcome outcome;
        if (answer == null) {
            answer = new Answer(Ids.newId(), attemptId, questionId, response, saveId, sequence, now);
            em.persist(answer);
            outcome = Answer.SaveOutcome.APPLIED;
        } else {
            outcome = answer.save(response, saveId, sequence, now);
        }
        if (outcome == Answer.SaveOutcome.APPLIED) {
            em.persist(answer.revision(Ids.newId()));
        }
        em.flush(); // acknowledged only once the row is written
        return new AttemptView.SaveReceipt(questionId, answer.sequence(), answer.saveId(), outcome.name(),
                answer.savedAt(), attempt.remainingSeconds(now));
    }

    public AttemptView submit(@NotBlank String attemptId) {
        ExamAttempt attempt = access.own(attemptId);
        attempt.submit(Instant.now());
        scorer.score(attempt);
        work.audit("ATTEMPT_SUBMITTED", attemptId, "score " + attempt.score() + "/" + attempt.maxScore());
        return logged(attempt, "SUBMITTED");
    }

    /**
     * A browser event (tab hidden, fullscreen left, camera revoked) becomes an incident; it never ends the attempt.
     * Only catalogued events are accepted, with the catalogue's severity: the client names the event, nothing more.
     */
    public void reportBrowserEvent(@NotBlank String attemptId, @NotBlank String type,
                                   @Size(max = BrowserEvent.MAX_DETAIL_LENGTH) String detail) {
        BrowserEvent event = BrowserEvent.named(type);
        access.own(attemptId).requireNotCompleted();
        incidents.raise(attemptId, event.name(), event.severity(), IncidentSource.BROWSER, List.of(), detail, work.caller());
    }

    /** Most registrations one candidate's home lists (newest exams first). */
    public static final int MAX_LISTED_EXAMS = 200;

    /** The caller's exams: open now, upcoming (with the window), done (with the outcome only once released). */
    public List<CandidateExamView> myExams() {
        List<Registration> registrations = em.createQuery(
                        "SELECT r FROM Registration r WHERE r.candidate = :candidate ORDER BY r.registeredAt DESC", Registration.class)
                .setParameter("candidate", work.caller()).setMaxResults(MAX_LISTED_EXAMS).getResultList();
        Instant now = Instant.now();
        List<CandidateExamView> exams = new java.util.ArrayList<>();
        for (Registration registration : registrations) {
            exams.add(examView(registration, now));
        }
        return exams;
    }

    /** One of the caller's exams by its registration ("not found" for anyone else's). */
    public CandidateExamView myExam(@NotBlank String registrationId) {
        return examView(access.ownRegistration(registrationId), Instant.now());
    }

    private CandidateExamView examView(Registration registration, Instant now) {
        Exam exam = em.find(Exam.class, registration.examId());
        ExamAttempt attempt = em.createNamedQuery(ExamAttempt.BY_REGISTRATION, ExamAttempt.class)
                .setParameter("registrationId", registration.id()).getResultStream().findFirst().orElse(null);
        CandidateExamView.Availability availability;
        if (attempt != null && attempt.status().isCompleted()) {
            availability = CandidateExamView.Availability.DONE;
        } else if (attempt != null && attempt.startedAt() != null) {
            availability = CandidateExamView.Availability.OPEN; // a running attempt stays reachable to its end
        } else if (exam.status() == org.campusproctor.domain.exam.ExamStatus.PUBLISHED
                && (exam.availableUntil() == null || now.isBefore(exam.availableUntil()))) {
            availability = exam.availableFrom() != null && now.isBefore(exam.availableFrom())
                    ? CandidateExamView.Availability.UPCOMING : CandidateExamView.Availability.OPEN;
        } else {
            availability = CandidateExamView.Availability.CLOSED;
        }
        boolean released = attempt != null && attempt.resultReleased();
        return new CandidateExamView(registration.id(), exam.title(), exam.instructions(), availability.name(),
                exam.availableFrom(), exam.availableUntil(), exam.duration().plus(registration.extraTime()).toSeconds(),
                exam.proctoring().webcamRequired(), exam.proctoring().screenRecordingRequired(),
                exam.proctoring().identityCheckRequired(), exam.proctoring().frameIntervalSeconds(),
                attempt == null ? null : attempt.status().name(),
                attempt == null ? null : attempt.outcomeForCandidate(exam.passingScore()).name(),
                released ? attempt.score() : null, released ? attempt.maxScore() : null);
    }

    public AttemptView view(@NotBlank String attemptId) {
        return work.view(access.ownToRead(attemptId), false); // another's is "not found", like a missing one
    }

    private AttemptView logged(ExamAttempt attempt, String action) {
        work.log(attempt, TimelineEntry.Kind.TRANSITION, action, null);
        return work.view(attempt, false);
    }
}
