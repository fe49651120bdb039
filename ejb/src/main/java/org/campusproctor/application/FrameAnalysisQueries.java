package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.FrameAnalysisRecord;

import java.util.List;

/** Read side for dashboards: frame analyses of the attempts in the caller's scope ({@link AttemptAccess.StaffScope}). */
@Stateless
@RolesAllowed({Role.PROCTOR_NAME, Role.ADMIN_NAME})
public class FrameAnalysisQueries {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    /** The latest analyses of the attempts the caller may see (a proctor: those assigned to them). */
    public List<FrameAnalysisRecord> latest(int max) {
        AttemptAccess.StaffScope scope = access.scope(false);
        var query = scope.everyAttempt()
                ? em.createNamedQuery(FrameAnalysisRecord.LATEST, FrameAnalysisRecord.class)
                : em.createNamedQuery(FrameAnalysisRecord.LATEST_OF_PROCTOR, FrameAnalysisRecord.class)
                        .setParameter("proctor", scope.proctor() == null ? "" : scope.proctor());
        return query.setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    /** The analysis of a frame; null when there is none or its attempt is out of the caller's scope (audited). */
    public FrameAnalysisRecord find(String mediaId) {
        FrameAnalysisRecord record = em.find(FrameAnalysisRecord.class, mediaId);
        if (record == null) {
            return null;
        }
        ExamAttempt attempt = em.find(ExamAttempt.class, record.attemptId());
        return attempt != null && access.mayRead(attempt) ? record : null;
    }
}
