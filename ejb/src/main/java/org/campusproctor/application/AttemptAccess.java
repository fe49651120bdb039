package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.AccessRefusedException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.domain.attempt.AttemptStatus;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.exam.ProctoringSettings;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.registration.Registration;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who is calling, and which attempts they may touch: the one place of the object-level access rules of the attempt
 * services (their roles are checked by their own {@code @RolesAllowed}). Internal plumbing, not a service: no REST
 * resource calls it, so it permits every role, like {@link AuditLog}; it is an EJB for the caller's identity.
 *
 * <ul>
 *     <li>A candidate acts only on their own attempts: another candidate's is refused (403) and the refusal audited
 *     once its transaction is over ({@link RequestRefusals}). Reads of another's attempt or registration say "not
 *     found" (never confirm it exists).</li>
 *     <li>Staff work on attempts by one rule, {@link StaffScope}: a proctor sees and acts on the attempts assigned to
 *     them, registrars see every attempt, admins see and act on every attempt. An attempt assigned to nobody is out of
 *     every proctor's scope: otherwise every proctor would see every such attempt, which is the leak this rule
 *     closes; the registrar assigns a proctor with the registration. Reads outside the scope say "not found" (404),
 *     actions are refused (403), like a candidate's; both refusals are audited.</li>
 *     <li>Graders: their role is the rule ({@link #lock}).</li>
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

    @Inject
    private RequestRefusals refusals;

    /**
     * The one scoping rule of staff work: which attempts a member of staff may see, or act on. Everything that shows
     * or changes an attempt for staff (services, dashboard queries, the proctor feed) asks it.
     *
     * @param everyAttempt the role covers every attempt
     * @param proctor      otherwise the proctor whose assigned attempts are covered (null: none)
     */
    public record StaffScope(boolean everyAttempt, String proctor) {

        /** Outside staff work (candidates, anonymous callers). */
        public static final StaffScope NONE = new StaffScope(false, null);

        /**
         * @param username the member of staff
         * @param hasRole  whether they have a role (by {@link Role} name)
         * @param toAct    acting on the attempt (proctor actions, review), not only reading it
         */
        public static StaffScope of(String username, Predicate<String> hasRole, boolean toAct) {
            if (hasRole.test(Role.ADMIN_NAME) || !toAct && hasRole.test(Role.REGISTRAR_NAME)) {
                return new StaffScope(true, null);
            }
            return username != null && hasRole.test(Role.PROCTOR_NAME) ? new StaffScope(false, username) : NONE;
        }

        /** The same for a user whose role names are known (a proctor feed socket). */
        public static StaffScope of(String username, Set<String> roles, boolean toAct) {
            return of(username, roles::contains, toAct);
        }

        /** Whether an attempt with this assigned proctor (null: none) is in scope. */
        public boolean covers(String assignedProctor) {
            return everyAttempt || proctor != null && proctor.equals(assignedProctor);
        }
    }

    public String caller() {
        return session.getCallerPrincipal().getName();
    }

    /** The caller's scope (see {@link StaffScope}). */
    public StaffScope scope(boolean toAct) {
        return StaffScope.of(caller(), session::isCallerInRole, toAct);
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
        ExamAttempt attempt = journal.lock(attemptId);
        if (attempt == null) {
            throw new NotFoundException("Attempt", attemptId);
        }
        requireCaller(attemptId, attempt.candidate());
        return attempt;
    }

    /**
     * What an upload of webcam frames needs of the caller's own attempt ({@link ExamAttempt#FRAME_UPLOAD_FACTS}): read
     * in one query, without the attempt's row lock and without managing entities, since every candidate uploads every
     * few seconds and an upload changes no attempt. Refusals as {@link #own}: 404 when there is none, 403 with an
     * audited refusal when it is another candidate's.
     */
    public FrameUploadFacts ownForFrames(String attemptId) {
        List<Object[]> rows = em.createNamedQuery(ExamAttempt.FRAME_UPLOAD_FACTS, Object[].class)
                .setParameter("id", attemptId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Attempt", attemptId);
        }
        Object[] row = rows.get(0);
        requireCaller(attemptId, (String) row[0]);
        return new FrameUploadFacts(attemptId, (AttemptStatus) row[1], ((Number) row[2]).intValue(),
                ProctoringSettings.incidentThresholds((String) row[3]), (String) row[4]);
    }

    /**
     * An attempt as a frame upload needs it.
     *
     * @param enrolmentKey the storage key of its registration's enrolment photo, null when it has none
     */
    public record FrameUploadFacts(String attemptId, AttemptStatus status, int frameIntervalSeconds,
                                   IncidentThresholds thresholds, String enrolmentKey) {

        /** @throws org.campusproctor.domain.RuleViolationException ATTEMPT_COMPLETED */
        public void requireNotCompleted() {
            ExamAttempt.refuseIfCompleted(attemptId, status, "");
        }
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

    /**
     * For proctor actions and review decisions: an attempt in the caller's scope to act on, locked; 404 when there is
     * none, 403 with an audited refusal when it is out of scope (another proctor's, or assigned to nobody).
     */
    public ExamAttempt assigned(String attemptId) {
        ExamAttempt attempt = journal.lock(attemptId);
        if (!scope(true).covers(attempt.proctor())) {
            refuse(attemptId, attempt.proctor() == null ? "attempt assigned to no proctor" : "not the assigned proctor");
            throw new AccessRefusedException("Attempt " + attemptId + " is not assigned to you");
        }
        return attempt;
    }

    /**
     * For staff reads: an attempt in the caller's scope to read. Out of scope it is "not found" (404), like a missing
     * one, so that its existence is not confirmed; the refusal is audited.
     */
    public ExamAttempt staffToRead(String attemptId) {
        ExamAttempt attempt = em.find(ExamAttempt.class, attemptId);
        if (attempt == null || !mayRead(attempt)) {
            throw new NotFoundException("Attempt", attemptId);
        }
        return attempt;
    }

    /** Whether the caller may read this attempt (staff scope); a refusal is audited. */
    public boolean mayRead(ExamAttempt attempt) {
        if (scope(false).covers(attempt.proctor())) {
            return true;
        }
        refuse(attempt.id(), "read outside the caller's attempts");
        return false;
    }

    /** 403 with an audited refusal unless the caller is the attempt's candidate. */
    private void requireCaller(String attemptId, String candidate) {
        if (!isCaller(candidate)) {
            refuse(attemptId, "not the candidate of this attempt");
            throw new AccessRefusedException("Attempt " + attemptId + " belongs to another candidate");
        }
    }

    private boolean isCaller(String username) {
        return username.equals(caller());
    }

    private void refuse(String attemptId, String why) {
        try {
            refusals.refused(caller(), attemptId, why);
        } catch (ContextNotActiveException e) { // no request (e.g. a socket's message): at once, in its own transaction
            audit.recordSeparately(caller(), "ACCESS_REFUSED", "attempt", attemptId, why);
        }
    }
}
