package org.campusproctor.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.campusproctor.application.ActiveAccounts;
import org.campusproctor.application.AttemptAccess.StaffScope;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.identity.AccountDisabled;
import org.campusproctor.domain.media.FrameAnalysed;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The proctors' live feed: every recorded frame analysis and every attempt change (transitions, proctor actions,
 * incidents with the new risk score), pushed after commit to the open feed sockets of the users allowed to see that
 * attempt (the staff rule, {@link StaffScope}: a proctor gets the attempts assigned to them, an admin every attempt).
 * Only proctors and admins can open the socket (web.xml security constraint on /ws/*). A socket ends when its HTTP
 * session ends (logout, expiry) and when its user's account is disabled.
 */
@ApplicationScoped
public class ProctorFeed {

    private static final Logger LOG = Logger.getLogger(ProctorFeed.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    private record Watcher(SocketUser user, StaffScope scope) {
    }

    private final Map<Session, Watcher> sockets = new ConcurrentHashMap<>();

    @Inject
    private ActiveAccounts accounts;

    /** A socket opened by a user with a staff scope; anyone else's is closed at once. */
    void join(Session session, SocketUser user) {
        StaffScope scope = user == null ? StaffScope.NONE : StaffScope.of(user.username(), user.roles(), false);
        if (scope.equals(StaffScope.NONE) || !accounts.isActive(user.username())) {
            close(session, "not allowed to watch attempts");
            return;
        }
        sockets.put(session, new Watcher(user, scope));
    }

    void leave(Session session) {
        sockets.remove(session);
    }

    /** The HTTP session ended (logout, expiry): its sockets end too. */
    void sessionEnded(String httpSession) {
        closeWhere(w -> httpSession.equals(w.user().httpSession()), "session ended");
    }

    void sessionRenamed(String oldId, String newId) {
        sockets.replaceAll((session, w) -> oldId.equals(w.user().httpSession())
                ? new Watcher(new SocketUser(w.user().username(), w.user().roles(), newId), w.scope()) : w);
    }

    void onAccountDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDisabled event) {
        closeWhere(w -> event.username().equals(w.user().username()), "account disabled");
    }

    /** A vision worker's report on a frame, as pushed to proctors. */
    public record FrameAnalysedEvent(String type, String mediaId, String attemptId, String status, String workerNode,
                                     Integer faceCount, FrameAnalysisReport detail) {
    }

    /** A transition, proctor action or incident on an attempt, with its new risk score. */
    public record AttemptChangedEvent(String type, String attemptId, String candidate, String kind, String action,
                                      String status, int riskScore, String proctor, String detail) {
    }

    void onFrameAnalysed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FrameAnalysed event) {
        FrameAnalysisReport r = event.report();
        push(event.proctor(), JSONB.toJson(new FrameAnalysedEvent("frame-analysed", r.mediaId(), r.attemptId(),
                event.status(), r.workerNode(), r.faceCount(), r)));
    }

    void onAttemptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptChanged event) {
        push(event.proctor(), JSONB.toJson(new AttemptChangedEvent("attempt-changed", event.attemptId(), event.candidate(),
                event.kind(), event.action(), event.status(), event.riskScore(), event.proctor(), event.detail())));
    }

    /** To every open socket whose user may see an attempt assigned to {@code proctor} and is still enabled. */
    private void push(String proctor, String text) {
        sockets.forEach((session, watcher) -> {
            if (!session.isOpen()) {
                sockets.remove(session);
            } else if (!accounts.isActive(watcher.user().username())) {
                close(session, "account disabled"); // disabled on another node: noticed within the cache period
            } else if (watcher.scope().covers(proctor)) {
                session.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.fine(() -> "Push to " + session.getId() + " failed: " + result.getException());
                    }
                });
            }
        });
    }

    private void closeWhere(Predicate<Watcher> which, String why) {
        sockets.forEach((session, watcher) -> {
            if (which.test(watcher)) {
                close(session, why);
            }
        });
    }

    private void close(Session session, String why) {
        sockets.remove(session);
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
        } catch (IOException e) {
            LOG.fine(() -> "Closing " + session.getId() + ": " + e);
        }
    }
}
