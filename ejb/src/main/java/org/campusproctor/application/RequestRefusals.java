package org.campusproctor.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The refusals of access to attempts ({@link AttemptAccess}) of one HTTP request, audited once the refused call's
 * transaction is over. A refused call's transaction rolls back; an audit entry written from inside it, even in a
 * transaction of its own (REQUIRES_NEW), went with it on Payara whenever the refused transaction had used the database
 * already. The web layer defers the refusals of each request ({@link #defer()}) and audits them at its end
 * ({@link #audit()}), outside any transaction; elsewhere (timers, message listeners) a refusal is audited at once.
 */
@RequestScoped
public class RequestRefusals {

    private record Refusal(String actor, String attemptId, String why) {
    }

    private final List<Refusal> pending = new ArrayList<>();
    private boolean deferred;

    @Inject
    private AuditLog audit;

    /** From now on in this request, refusals wait for {@link #audit()}. */
    public void defer() {
        deferred = true;
    }

    void refused(String actor, String attemptId, String why) {
        if (deferred) {
            pending.add(new Refusal(actor, attemptId, why));
        } else {
            write(new Refusal(actor, attemptId, why));
        }
    }

    /** Audits the refusals waiting, each in a transaction of its own: call it outside any transaction. */
    public void audit() {
        List<Refusal> waiting = List.copyOf(pending);
        pending.clear();
        waiting.forEach(this::write);
    }

    private void write(Refusal refusal) {
        audit.recordSeparately(refusal.actor(), "ACCESS_REFUSED", "attempt", refusal.attemptId(), refusal.why());
    }
}
