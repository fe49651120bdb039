package org.campusproctor.it;

import org.campusproctor.it.ApiSurface.As;
import org.campusproctor.it.ApiSurface.Body;
import org.campusproctor.it.ApiSurface.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint and page by every kind of caller: anonymous, the candidate (own attempt / another's), the proctor
 * (assigned / not), the registrar and the admin. Whoever may not call it gets 401 (anonymous) or 403/404 (logged
 * in); whoever may read gets 200. Refusals leave the world unchanged, so the whole matrix runs on one world.
 */
class AuthorizationMatrixIT {

    private static ApiSurface surface;

    @BeforeAll
    static void world() throws Exception {
        surface = ApiSurface.create();
    }

    @Test
    void everyoneWhoMayNotCallAnEndpointIsRefused() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : ApiSurface.ENDPOINTS) {
            for (As as : As.values()) {
                if (e.allowed().contains(as)) {
                    continue;
                }
                HttpResponse<String> r = send(e, as);
                checked++;
                Set<Integer> expected = as == As.ANONYMOUS ? Set.of(401) : Set.of(403, 404);
                if (!expected.contains(r.statusCode())) {
                    wrong.add(e.method() + " " + e.path() + " as " + as + ": " + r.statusCode() + " (expected "
                            + expected + ") " + abbreviate(r.body()));
                }
            }
        }
        System.out.println("authorisation matrix " + Server.DB + ": " + checked + " refused combinations checked");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void whoeverMayReadGetsTheData() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ApiSurface.ENDPOINTS) {
            if (!e.method().equals("GET") || e.path().contains("{media}") || e.path().contains("{execution}")
                    || e.path().contains("{sequence}")) {
                continue; // no frame analysed, no job run, no screen recorded in this world: 404 for everyone
            }
            for (As as : e.allowed()) {
                HttpResponse<String> r = send(e, as);
                if (r.statusCode() != 200) {
                    wrong.add(e.method() + " " + e.path() + " as " + as + ": " + r.statusCode() + " " + abbreviate(r.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Every console page: its roles open it (no refusal message on it), other users get 403, anonymous the login. */
    @Test
    void theConsolePagesAreForTheirRoles() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (ApiSurface.Screen screen : ApiSurface.SCREENS) {
            String path = surface.path(screen.path());
            for (As as : As.values()) {
                HttpResponse<String> r = surface.clients.get(as).get(path);
                boolean ok = as == As.ANONYMOUS ? r.statusCode() == 302 || r.body().contains("login")
                        : screen.allowed().contains(as) ? r.statusCode() == 200 && !r.body().contains("cp-error")
                        : r.statusCode() == 403;
                if (!ok) {
                    wrong.add(path + " as " + as + ": " + r.statusCode());
                }
            }
        }
        for (As as : As.values()) {
            HttpResponse<String> login = surface.clients.get(as).get("/login.xhtml");
            if (login.statusCode() != 200) {
                wrong.add("/login.xhtml as " + as + ": " + login.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static HttpResponse<String> send(Endpoint e, As as) throws Exception {
        String contentType = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? "image/jpeg" : e.body() == Body.JSON ? "application/json" : null;
        byte[] body = e.body() == Body.IMAGE || e.body() == Body.ANY_BYTES ? TestImages.syntheticJpeg(320, 240) : e.validJson() == null ? null
                : e.validJson().getBytes(StandardCharsets.UTF_8);
        if (e.body() == Body.NONE && !e.method().equals("GET") && !e.method().equals("DELETE")) {
            contentType = "application/json";
            body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        return surface.clients.get(as).raw(e.method(), surface.path(e.path()), contentType, body);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
