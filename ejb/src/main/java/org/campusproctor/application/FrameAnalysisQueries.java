package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.media.FrameAnalysisRecord;

import java.util.List;

/** Read side for dashboards: the latest frame analyses. */
@Stateless
@RolesAllowed({org.campusproctor.domain.identity.Role.PROCTOR_NAME, org.campusproctor.domain.identity.Role.ADMIN_NAME})
public class FrameAnalysisQueries {

    @PersistenceContext
    private EntityManager em;

    public List<FrameAnalysisRecord> latest(int max) {
        return em.createNamedQuery(FrameAnalysisRecord.LATEST, FrameAnalysisRecord.class)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
    }

    public FrameAnalysisRecord find(String mediaId) {
        return em.find(FrameAnalysisRecord.class, mediaId);
    }
}
