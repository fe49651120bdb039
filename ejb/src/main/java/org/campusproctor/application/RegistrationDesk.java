package org.campusproctor.application;

import jakarta.validation.constraints.NotNull;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.media.StoredMedia;

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
import org.campusproctor.infrastructure.media.TransactionalMedia;

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
    private TransactionalMedia media;

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
     * compare webcam frames with. A new photo replaces the previous one for later frames.
     */
    public Registration recordEnrolmentPhoto(@NotBlank String registrationId, @NotNull byte[] photo) {
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null) {
            throw new NotFoundException("Registration", registrationId);
        }
        ImageFormat format = ImageFormat.of(photo, Settings.FRAME_MAX_BYTES.value());
        String id = StoredMedia.newId();
        StoredObject object = media.put("enrolment/" + registrationId + "/" + id + "." + format.extension(), photo);
        em.persist(StoredMedia.enrolmentPhoto(id, registrationId, object, format.contentType(), Instant.now()));
        registration.recordEnrolmentPhoto(id);
        audit.record("ENROLMENT_PHOTO_RECORDED", "registration", registrationId,
                "media=" + id + " sha256=" + object.sha256());
        return registration;
    }

    private void requireAccount(String username, Role role) {
        if (!accounts.existing(username).hasRole(role)) {
            throw new InvalidInputException(username + " is not a " + role.roleName());
        }
    }
}
