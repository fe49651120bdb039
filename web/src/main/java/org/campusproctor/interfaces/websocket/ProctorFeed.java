package org.campusproctor.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;
import org.campusproctor.domain.attempt.AttemptChanged;
import org.campusproctor.contract.vision.FrameAnalysisReport;
import org.campusproctor.domain.media.FrameAnalysed;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The proctors' live feed: every recorded frame analysis and every attempt change (transitions, proctor actions,
 * incidents with the new risk score), pushed to every open feed socket after commit. Only proctors and admins can
 * open the socket (web.xml security constraint on /ws/*).
 */
@ApplicationScoped
public class ProctorFeed {

    private static final Logger LOG = Logger.getLogger(ProctorFeed.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    void join(Session session) {
        sessions.add(session);
    }

    void leave(Session session) {
        sessions.remove(session);
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
        push(JSONB.toJson(new FrameAnalysedEvent("frame-analysed", r.mediaId(), r.attemptId(), event.status(),
                r.workerNode(), r.faceCount(), r)));
    }

    void onAttemptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptChanged event) {
        push(JSONB.toJson(new AttemptChangedEvent("attempt-changed", event.attemptId(), event.candidate(), event.kind(),
                event.action(), event.status(), event.riskScore(), event.proctor(), event.detail())));
    }

    private void push(String text) {
        for (Session session : sessions) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.fine(() -> "Push to " + session.getId() + " failed: " + result.getException());
                    }
                });
            } else {
                sessions.remove(session);
            }
        }
    }
}
