package org.campusproctor.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSF page with PrimeFaces components is served by the web module, to proctors only. */
class DashboardPageIT {

    @Test
    void dashboardRendersPrimeFacesTable() throws Exception {
        Client proctor = Client.demo("proctor");
        HttpResponse<String> page = proctor.get("/");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<title>CampusProctor</title>"), html);
        assertTrue(html.contains("ui-datatable"), "PrimeFaces dataTable rendered");
        assertTrue(html.contains("jakarta.faces.resource/components.js.xhtml?ln=primefaces"), html);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> page = Client.anonymous().get("/index.xhtml");
        assertEquals(302, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/login.xhtml"), page.headers().toString());
        HttpResponse<String> login = Client.anonymous().get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("password"), login.body());
    }

    @Test
    void candidateMayNotSeeTheProctorDashboard() throws Exception {
        assertEquals(403, Client.demo("candidate").get("/index.xhtml").statusCode());
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
