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

    /**
     * Entries matching every filter given (null: any): actor and action exactly, target type and id exactly, at or
     * after {@code from} and before {@code until}; newest first.
     */
    @jakarta.annotation.security.RolesAllowed(org.campusproctor.domain.identity.Role.ADMIN_NAME)
    public Page<AuditEntry> search(String actor, String action, String targetType, String targetId, Instant from,
                                   Instant until, int page, int size) {
        Page.check(page, size);
        StringBuilder where = new StringBuilder(" FROM AuditEntry e WHERE 1 = 1");
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        filter(where, p, "e.actor = :actor", "actor", actor);
        filter(where, p, "e.action = :action", "action", action);
        filter(where, p, "e.targetType = :targetType", "targetType", targetType);
        filter(where, p, "e.targetId = :targetId", "targetId", targetId);
        filter(where, p, "e.at >= :from", "from", from);
        filter(where, p, "e.at < :until", "until", until);
        jakarta.persistence.TypedQuery<Long> count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
        jakarta.persistence.TypedQuery<AuditEntry> items = em.createQuery("SELECT e" + where
                + " ORDER BY e.at DESC, e.id DESC", AuditEntry.class);
        p.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    private static void filter(StringBuilder where, java.util.Map<String, Object> parameters, String clause,
                               String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
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
