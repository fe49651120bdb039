package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.AccessRefusedException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.registration.Registration;

/**
 * Who is calling, and which attempts they may touch: the one place of the object-level access rules of the attempt
 * services (their roles are checked by their own {@code @RolesAllowed}). Internal plumbing, not a service: no REST
 * resource calls it, so it permits every role, like {@link AuditLog}; it is an EJB for the caller's identity.
 *
 * <ul>
 *     <li>A candidate acts only on their own attempts: another candidate's is refused (403) and the refusal audited
 *     in its own transaction. Reads of another's attempt or registration say "not found" (never confirm it exists).</li>
 *     <li>A proctor acts on the attempts assigned to them or unassigned ones; an admin on any (refusal audited).</li>
 *     <li>Reviewers and graders: their role is the rule ({@link #lock}).</li>
 * </ul>
 */
@Stateless
@PermitAll
public class AttemptAccess {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private AttemptJournal journal;

    @Inject
    private AuditLog audit;

    public String caller() {
        return session.getCallerPrincipal().getName();
    }

    /** Any attempt, locked for update (see {@link AttemptJournal#lock}); 404 when there is none. */
    public ExamAttempt lock(String attemptId) {
        return journal.lock(attemptId);
    }

    /**
     * The caller's own attempt, locked for update; 404 when there is none, 403 with an audited refusal when it is
     * another candidate's.
     */
    public ExamAttempt own(String attemptId) {
        return own(attemptId, true);
    }

    /** {@link #own}, without the row lock: for work that changes no attempt (frame uploads). */
    public ExamAttempt ownWithoutLock(String attemptId) {
        return own(attemptId, false);
    }

    /** The caller's own attempt to read: another candidate's is "not found" (404), like a missing one, unaudited. */
    public ExamAttempt ownToRead(String attemptId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId);
        if (attempt == null || !isCaller(attempt.candidate())) {
            throw new NotFoundException("Attempt", attemptId);
        }
        return attempt;
    }

    /** The caller's own registration: another candidate's is "not found" (404), like a missing one. */
    public Registration ownRegistration(String registrationId) {
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null || !isCaller(registration.candidate())) {
            throw new NotFoundException("Registration", registrationId);
        }
        return registration;
    }

    /** For proctors: an attempt assigned to the caller or to nobody, locked; admins may act on any. */
    public ExamAttempt assigned(String attemptId) {
        ExamAttempt attempt = journal.lock(attemptId);
        if (!session.isCallerInRole(Role.ADMIN_NAME) && attempt.proctor() != null && !isCaller(attempt.proctor())) {
            refuse(attemptId, "not the assigned proctor");
            throw new AccessRefusedException("Attempt " + attemptId + " is assigned to another proctor");
        }
        return attempt;
    }

    private ExamAttempt own(String attemptId, boolean lock) {
        ExamAttempt attempt = lock ? journal.lock(attemptId) : em.find(ExamAttempt.class, attemptId);
        if (attempt == null) {
            throw new NotFoundException("Attempt", attemptId);
        }
        if (!isCaller(attempt.candidate())) {
            refuse(attemptId, "not the candidate of this attempt");
            throw new AccessRefusedException("Attempt " + attemptId + " belongs to another candidate");
        }
        return attempt;
    }

    private boolean isCaller(String username) {
        return username.equals(caller());
    }

    private void refuse(String attemptId, String why) {
        audit.recordSeparately(caller(), "ACCESS_REFUSED", "attempt", attemptId, why);
    }
}
