package org.campusproctor.interfaces.websocket;

import java.util.Set;

/**
 * Who opened a socket, as seen at its handshake.
 *
 * @param username    the logged-in user (null: nobody with a CampusProctor role)
 * @param roles       their CampusProctor role names
 * @param httpSession the HTTP session the socket belongs to (null: none); the socket ends with it
 */
public record SocketUser(String username, Set<String> roles, String httpSession) {
}
