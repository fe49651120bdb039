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
import org.campusproctor.application.Broadcast;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.domain.identity.AccountDisabled;
import org.campusproctor.domain.media.FrameAnalysed;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The proctors' live feed: every recorded frame analysis and every attempt change (transitions, proctor actions,
 * incidents with the new risk score), recorded on any node and received from the broker's {@code proctor-feed} topic
 * after commit ({@link Broadcast}), pushed to this node's open feed sockets of the users allowed to see that
 * attempt (the staff rule, {@link StaffScope}: a proctor gets the attempts assigned to them, an admin every attempt).
 * Only proctors and admins can open the socket (web.xml security constraint on /ws/*). A socket ends when its HTTP
 * session ends (logout, expiry) and when its user's account is disabled.
 *
 * <p>Catching up: every event carries an {@code id}, one sequence per server start ({@code epoch}); every node numbers
 * the topic's events in the order the broker delivers them, so ids are per node: a page whose socket reopens on
 * another node (another epoch) is told to reload. The last
 * {@value #REPLAY_EVENTS} events are kept in memory, so that a page that lost its socket reopens it with
 * {@code ?epoch=E&after=N} and receives, before anything new, the events after N that it may see. Numbering, keeping
 * and sending happen under one lock, so a reopened socket receives every event exactly once and in order. When the
 * events after N are no longer kept (or the server restarted: another epoch) the socket says {@code reload} instead:
 * the page reads its state again, never missing something silently. Every socket first gets a {@code hello} with
 * the epoch and the last id, to catch up from.
 */
@ApplicationScoped
public class ProctorFeed {

    private static final Logger LOG = Logger.getLogger(ProctorFeed.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    private record Watcher(SocketUser user, StaffScope scope) {
    }

    /**
     * Events kept for sockets that reopen: 50 s of 200 candidates' frames at one a second, far longer than a page
     * takes to reconnect; bounded memory (a frame's event is about a KiB: 10 to 20 MiB at most).
     */
    static final int REPLAY_EVENTS = 10_000;

    private record Kept(long id, String proctor, String json) {
    }

    private final Map<Session, Watcher> sockets = new ConcurrentHashMap<>();
    private final String epoch = Long.toString(System.currentTimeMillis(), 36)
            + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long lastId;

    @Inject
    private ActiveAccounts accounts;

    /**
     * A socket opened by a user with a staff scope; anyone else's is closed at once.
     *
     * @param epoch the epoch of the events the page saw last (null: a first socket)
     * @param after the id of the last event it saw
     */
    void join(Session session, SocketUser user, String epoch, String after) {
        StaffScope scope = user == null ? StaffScope.NONE : StaffScope.of(user.username(), user.roles(), false);
        if (scope.equals(StaffScope.NONE) || !accounts.isActive(user.username())) {
            close(session, "not allowed to watch attempts");
            return;
        }
        Watcher watcher = new Watcher(user, scope);
        synchronized (this) {
            if (epoch != null || after != null) {
                long from = parseId(after);
                if (!this.epoch.equals(epoch) || from < 0 || from > lastId
                        || from < lastId && (kept.isEmpty() || kept.peekFirst().id() > from + 1)) {
                    send(session, JSONB.toJson(new Marker("reload", this.epoch, lastId)));
                } else {
                    kept.stream().filter(k -> k.id() > from && scope.covers(k.proctor())).forEach(k -> send(session, k.json()));
                }
            }
            sockets.put(session, watcher); // before the hello: a client that has it is known to the session's end
            send(session, JSONB.toJson(new Marker("hello", this.epoch, lastId)));
        }
    }

    /** The first message of every socket, and the answer to a catch-up that cannot be served. */
    public record Marker(String type, String epoch, long lastId) {
    }

    private static long parseId(String id) {
        try {
            return id == null || id.length() > 19 ? -1 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
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
    public record FrameAnalysedEvent(long id, String type, String mediaId, String attemptId, String status, String workerNode,
                                     Integer faceCount, FrameAnalysisReport detail) {
    }

    /** A transition, proctor action or incident on an attempt, with its new risk score. */
    public record AttemptChangedEvent(long id, String type, String attemptId, String candidate, String kind, String action,
                                      String status, int riskScore, String proctor, String detail) {
    }

    void onFrameAnalysed(@Observes @Broadcast FrameAnalysed event) {
        FrameAnalysisReport r = event.report();
        push(event.proctor(), id -> JSONB.toJson(new FrameAnalysedEvent(id, "frame-analysed", r.mediaId(), r.attemptId(),
                event.status(), r.workerNode(), r.faceCount(), r)));
    }

    void onAttemptChanged(@Observes @Broadcast AttemptChanged event) {
        push(event.proctor(), id -> JSONB.toJson(new AttemptChangedEvent(id, "attempt-changed", event.attemptId(),
                event.candidate(), event.kind(), event.action(), event.status(), event.riskScore(), event.proctor(),
                event.detail())));
    }

    /**
     * Numbers and keeps an event, then sends it to every open socket whose user may see an attempt assigned to
     * {@code proctor} and is still enabled.
     */
    private synchronized void push(String proctor, LongFunction<String> event) {
        String text = event.apply(++lastId);
        kept.addLast(new Kept(lastId, proctor, text));
        if (kept.size() > REPLAY_EVENTS) {
            kept.removeFirst();
        }
        sockets.forEach((session, watcher) -> {
            if (!session.isOpen()) {
                sockets.remove(session);
            } else if (!accounts.isActive(watcher.user().username())) {
                close(session, "account disabled"); // disabled on another node: noticed within the cache period
            } else if (watcher.scope().covers(proctor)) {
                send(session, text);
            }
        });
    }

    private static void send(Session session, String text) {
        session.getAsyncRemote().sendText(text, result -> {
            if (!result.isOK()) {
                LOG.fine(() -> "Push to " + session.getId() + " failed: " + result.getException());
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
