package org.campusproctor.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ends the feed sockets of an HTTP session when the session ends (logout, disabled account, expiry), and follows the
 * session's new id when a login changes it.
 */
@WebListener
public class SocketSessions implements HttpSessionListener, HttpSessionIdListener {

    @Inject
    private ProctorFeed feed;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        feed.sessionEnded(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        feed.sessionRenamed(oldSessionId, event.getSession().getId());
    }
}
