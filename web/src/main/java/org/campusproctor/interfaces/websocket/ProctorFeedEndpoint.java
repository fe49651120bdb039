package org.campusproctor.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.List;

/**
 * WebSocket through which proctor screens receive what happens to the attempts they may see, as it is recorded;
 * {@code ?epoch=E&after=N} catches up from the last event seen (see {@link ProctorFeed}).
 */
@ServerEndpoint(value = "/ws/proctor-feed", configurator = SocketHandshake.class)
public class ProctorFeedEndpoint {

    @Inject
    private ProctorFeed feed;

    @OnOpen
    public void open(Session session) {
        feed.join(session, (SocketUser) session.getUserProperties().get(SocketUser.class.getName()),
                parameter(session, "epoch"), parameter(session, "after"));
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        feed.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        feed.leave(session);
    }
}
