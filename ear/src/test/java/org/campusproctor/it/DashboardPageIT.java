package org.campusproctor.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSF pages: the proctor dashboard with PrimeFaces components, to proctors only; each role's home after login. */
class DashboardPageIT {

    @Test
    void dashboardRendersPrimeFacesTable() throws Exception {
        Client proctor = Client.demo("proctor");
        HttpResponse<String> page = proctor.get("/proctor/index.xhtml");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<title>CampusProctor</title>"), html);
        assertTrue(html.contains("ui-datatable"), "PrimeFaces dataTable rendered");
        assertTrue(html.contains("jakarta.faces.resource/components.js.xhtml?ln=primefaces"), html);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        for (String path : java.util.List.of("/index.xhtml", "/candidate/index.xhtml", "/proctor/index.xhtml",
                "/registrar/index.xhtml", "/admin/index.xhtml")) {
            HttpResponse<String> page = Client.anonymous().get(path);
            assertEquals(302, page.statusCode(), path + " " + page.body());
            assertTrue(page.headers().firstValue("Location").orElse("").contains("/login.xhtml"), page.headers().toString());
        }
        HttpResponse<String> login = Client.anonymous().get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("password"), login.body());
    }

    @Test
    void candidateMayNotSeeTheProctorDashboard() throws Exception {
        assertEquals(403, Client.demo("candidate").get("/proctor/index.xhtml").statusCode());
    }

    @Test
    void eachRoleLandsOnItsOwnHomeAndNoOtherAudiencesPages() throws Exception {
        java.util.Map<String, String> homes = java.util.Map.of("candidate", "/candidate/index.xhtml",
                "proctor", "/proctor/index.xhtml", "registrar", "/registrar/index.xhtml", "admin", "/admin/index.xhtml");
        java.util.Map<String, java.util.Set<String>> allowed = java.util.Map.of(
                "candidate", java.util.Set.of("candidate"), "proctor", java.util.Set.of("proctor"),
                "registrar", java.util.Set.of("registrar"), "admin", java.util.Set.of("admin", "proctor", "registrar"));
        for (String user : homes.keySet()) {
            Client client = Client.demo(user);
            HttpResponse<String> root = client.get("/");
            assertEquals(302, root.statusCode(), user + " " + root.body());
            assertTrue(root.headers().firstValue("Location").orElse("").endsWith(homes.get(user)), user + " " + root.headers());
            HttpResponse<String> home = client.get(homes.get(user));
            assertEquals(200, home.statusCode(), user + " " + home.body());
            assertTrue(home.body().contains("Sign out") && home.body().contains("id=\"main\""), "the audience template: " + home.body());
            for (String audience : homes.keySet()) {
                int expected = allowed.get(user).contains(audience) ? 200 : 403;
                assertEquals(expected, client.get("/" + audience + "/index.xhtml").statusCode(), user + " on " + audience);
            }
        }
    }

    @Test
    void primeFacesResourcesAreServed() throws Exception {
        HttpResponse<String> script = Server.get("/jakarta.faces.resource/components.js.xhtml?ln=primefaces");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("PrimeFaces"), "PrimeFaces JavaScript");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = Server.HTTP.send(java.net.http.HttpRequest.newBuilder(Server.uri("/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"proctor\",\"password\":\"demo-proctor\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow(() -> new AssertionError(login.headers().map().toString()));
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }
}
