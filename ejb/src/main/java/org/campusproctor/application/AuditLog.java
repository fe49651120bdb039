package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Appends to the audit log: who (the authenticated caller), what, on which object, when, from where. Entries are
 * written in the caller's transaction, so an action and its audit line commit together; refusals and login failures,
 * whose transaction does not commit, are written in their own. There is deliberately no update or delete method.
 */
@Stateless
@PermitAll
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("org.campusproctor.audit");

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private CallerOrigin origin;

    public void record(String action, String targetType, String targetId, String detail) {
        write(caller(), action, targetType, targetId, detail);
    }

    /** For actions with no authenticated caller (login attempts, the deadline sweep, vision workers). */
    public void recordAs(String actor, String action, String targetType, String targetId, String detail) {
        write(actor, action, targetType, targetId, detail);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(String actor, String action, String targetType, String targetId, String detail) {
        write(actor == null ? caller() : actor, action, targetType, targetId, detail);
    }

    @jakarta.annotation.security.RolesAllowed(org.campusproctor.domain.identity.Role.ADMIN_NAME)
    public List<AuditEntry> latest(int max) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(max, 1000))).getResultList();
    }

    private void write(String actor, String action, String targetType, String targetId, String detail) {
        AuditEntry entry = new AuditEntry(Ids.newId(), Instant.now(), actor, action, targetType, targetId, detail, address());
        em.persist(entry);
        LOG.info(entry::logLine); // escaped by the entry: what is logged is what is stored
    }

    private String caller() {
        return session.getCallerPrincipal() == null ? "anonymous" : session.getCallerPrincipal().getName();
    }

    private String address() {
        try {
            return origin.address();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
