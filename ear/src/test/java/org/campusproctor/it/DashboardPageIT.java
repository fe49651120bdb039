package org.campusproctor.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSF page with PrimeFaces components is served by the web module. */
class DashboardPageIT {

    @Test
    void dashboardRendersPrimeFacesTable() throws Exception {
        HttpResponse<String> page = Server.get("/");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<title>CampusProctor</title>"), html);
        assertTrue(html.contains("ui-datatable"), "PrimeFaces dataTable rendered");
        assertTrue(html.contains("jakarta.faces.resource/components.js.xhtml?ln=primefaces"), html);
    }

    @Test
    void primeFacesResourcesAreServed() throws Exception {
        HttpResponse<String> script = Server.get("/jakarta.faces.resource/components.js.xhtml?ln=primefaces");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("PrimeFaces"), "PrimeFaces JavaScript");
    }
}
