package org.campusproctor.application;

import jakarta.validation.constraints.NotNull;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ExamStatus;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.registration.Registration;

import java.time.Duration;
import java.time.Instant;

/** Registrars register candidates for exams, assign proctors and grant allowances (extra time, accommodations). */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class RegistrationDesk {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private AuditLog audit;

    @Inject
    private EnrolmentPhotos enrolmentPhotos;

    @Inject
    private Accounts accounts;

    public Registration register(@NotBlank String examId, @NotBlank String candidate, String proctor,
                                 @PositiveOrZero long extraTimeSeconds, String accommodations) {
        Exam exam = em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        if (exam.status() == ExamStatus.ARCHIVED) {
            throw new RuleViolationException("EXAM_ARCHIVED", "Exam " + examId + " is archived");
        }
        requireAccount(candidate, Role.CANDIDATE);
        if (proctor != null) {
            requireAccount(proctor, Role.PROCTOR);
        }
        if (!em.createNamedQuery(Registration.BY_EXAM_AND_CANDIDATE, Registration.class).setParameter("examId", examId)
                .setParameter("candidate", candidate).getResultList().isEmpty()) {
            throw new RuleViolationException("ALREADY_REGISTERED", candidate + " is already registered for exam " + examId);
        }
        Registration registration = new Registration(Ids.newId(), examId, candidate, proctor,
                Duration.ofSeconds(extraTimeSeconds), accommodations, session.getCallerPrincipal().getName(), Instant.now());
        em.persist(registration);
        audit.record("CANDIDATE_REGISTERED", "registration", registration.id(),
                "exam=" + examId + " candidate=" + candidate + " proctor=" + proctor + " extraTime=" + extraTimeSeconds + "s");
        return registration;
    }

    /**
     * Stores the candidate's enrolment photo for this registration (JPEG or PNG): the reference the vision workers
     * compare the identity-check photo and the webcam frames with. Refused (400, with the reason) unless it shows
     * exactly one live face; a new photo replaces the previous one for later checks and frames (audited).
     */
    public Registration recordEnrolmentPhoto(@NotBlank String registrationId, @NotNull byte[] photo) {
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null) {
            throw new NotFoundException("Registration", registrationId);
        }
        enrolmentPhotos.record(registration, photo, session.getCallerPrincipal().getName(), "upload");
        return registration;
    }

    /**
     * Changes a registration's allowances (extra time, accommodations) until its attempt starts; an attempt opened
     * but not started gets the new allowed time.
     */
    public Registration changeAllowances(@NotBlank String registrationId, @PositiveOrZero long extraTimeSeconds,
                                         String accommodations) {
        Registration registration = em.find(Registration.class, registrationId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (registration == null) {
            throw new NotFoundException("Registration", registrationId);
        }
        Duration extra = Duration.ofSeconds(extraTimeSeconds);
        for (org.campusproctor.domain.attempt.ExamAttempt attempt : em.createNamedQuery(
                org.campusproctor.domain.attempt.ExamAttempt.BY_REGISTRATION,
                org.campusproctor.domain.attempt.ExamAttempt.class).setParameter("registrationId", registrationId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            Exam exam = em.find(Exam.class, registration.examId());
            attempt.changeAllowedTime(exam.duration().plus(extra));
        }
        String before = "extraTime=" + registration.extraTime().toSeconds() + "s accommodations=" + registration.accommodations();
        registration.changeAllowances(extra, accommodations);
        audit.record("ALLOWANCES_CHANGED", "registration", registrationId, before + " → extraTime=" + extraTimeSeconds
                + "s accommodations=" + accommodations);
        return registration;
    }

    /**
     * Assigns another proctor (an account with the PROCTOR role) to a registration, and to its attempt until the
     * attempt's review is FINAL (REVIEW_FINAL after it): the proctor watches, acts on and reviews it from then on.
     * Audited with the old and the new proctor.
     */
    public Registration assignProctor(@NotBlank String registrationId, @NotBlank String proctor) {
        Registration registration = em.find(Registration.class, registrationId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (registration == null) {
            throw new NotFoundException("Registration", registrationId);
        }
        requireAccount(proctor, Role.PROCTOR);
        String before = registration.proctor();
        for (org.campusproctor.domain.attempt.ExamAttempt attempt : em.createNamedQuery(
                org.campusproctor.domain.attempt.ExamAttempt.BY_REGISTRATION,
                org.campusproctor.domain.attempt.ExamAttempt.class).setParameter("registrationId", registrationId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            attempt.reassignProctor(proctor);
        }
        registration.assignProctor(proctor);
        audit.record("PROCTOR_ASSIGNED", "registration", registrationId, (before == null ? "none" : before) + " -> " + proctor);
        return registration;
    }

    /** One proctor's share of an exam's registrations (proctor null: the registrations without one). */
    public record ProctorSession(String proctor, long candidates) {
    }

    /** The exam's proctors with their number of candidates, counted by the database; 404 for an unknown exam. */
    public java.util.List<ProctorSession> proctorSessions(@NotBlank String examId) {
        if (examId.length() > 36 || em.find(Exam.class, examId) == null) {
            throw new NotFoundException("Exam", examId);
        }
        return em.createQuery("SELECT r.proctor, COUNT(r) FROM Registration r WHERE r.examId = :examId"
                        + " GROUP BY r.proctor ORDER BY r.proctor", Object[].class).setParameter("examId", examId)
                .getResultStream().map(r -> new ProctorSession((String) r[0], (Long) r[1])).toList();
    }

    /** The exam's registrations whose candidate contains the query, by candidate; 404 for an unknown exam. */
    public Page<Registration> registrations(@NotBlank String examId, String query, int page, int size) {
        Page.check(page, size);
        if (examId.length() > 36 || em.find(Exam.class, examId) == null) {
            throw new NotFoundException("Exam", examId); // an unknown exam is a 404, not an empty list
        }
        String like = Page.contains(query);
        String where = " FROM Registration r WHERE r.examId = :examId AND LOWER(r.candidate) LIKE :q ESCAPE '\\'";
        long total = em.createQuery("SELECT COUNT(r)" + where, Long.class).setParameter("examId", examId)
                .setParameter("q", like).getSingleResult();
        java.util.List<Registration> items = em.createQuery("SELECT r" + where + " ORDER BY r.candidate, r.id",
                        Registration.class).setParameter("examId", examId).setParameter("q", like)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    private void requireAccount(String username, Role role) {
        if (!accounts.existing(username).hasRole(role)) {
            throw new InvalidInputException(username + " is not a " + role.roleName());
        }
    }
}
