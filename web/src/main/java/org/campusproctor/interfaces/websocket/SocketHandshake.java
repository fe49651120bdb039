package org.campusproctor.interfaces.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.identity.Role;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The handshake of every CampusProctor WebSocket ({@code @ServerEndpoint(configurator = SocketHandshake.class)}).
 *
 * <p>Origin: a socket opened by a page of another site would carry the user's session cookie (cross-site WebSocket
 * hijacking), so the handshake is refused unless its Origin is the server's own (scheme and Host of the request) or
 * listed in {@code campusproctor.web.allowed-origins}. A handshake without Origin comes from a program, not a browser
 * (browsers always send it), and carries no cookie it was not given: it is let through.
 *
 * <p>User: who opened the socket (principal, CampusProctor roles, HTTP session), kept with the socket as a
 * {@link SocketUser} so that pushes go only to users allowed to see them and end with the session.
 */
public class SocketHandshake extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = Logger.getLogger(SocketHandshake.class.getName());

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        // the handshake runs inside the upgrade's HTTP request, which CDI exposes as a built-in bean
        HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
        boolean allowed = allowed(origin, request.getScheme(), request.getHeader("Host"), Settings.WEB_ALLOWED_ORIGINS.value());
        if (!allowed) {
            LOG.warning(() -> "WebSocket handshake from origin " + origin + " refused (" + request.getRequestURI()
                    + " from " + request.getRemoteAddr() + ")");
        }
        return allowed;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // the user properties of this handshake are the socket's own (one copy per connection)
        Set<String> roles = Arrays.stream(Role.values()).map(Role::roleName).filter(request::isUserInRole)
                .collect(Collectors.toUnmodifiableSet());
        String username = request.getUserPrincipal() == null || roles.isEmpty() ? null : request.getUserPrincipal().getName();
        String httpSession = request.getHttpSession() instanceof HttpSession s ? s.getId() : null;
        config.getUserProperties().put(SocketUser.class.getName(), new SocketUser(username, roles, httpSession));
    }

    /** Whether a page of {@code origin} may open a socket on the server reached as {@code scheme://host}. */
    static boolean allowed(String origin, String scheme, String host, List<String> allowedOrigins) {
        String normalised = normalise(origin);
        if (normalised == null) {
            return false; // "null" (sandboxed pages, file://) or garbage
        }
        if (host != null && scheme != null && normalised.equals(normalise(scheme + "://" + host))) {
            return true;
        }
        return allowedOrigins.stream().map(SocketHandshake::normalise).anyMatch(normalised::equals);
    }

    /** scheme://host[:port] in lower case, without the scheme's default port; null when it is no web origin. */
    static String normalise(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
