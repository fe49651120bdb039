package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.infrastructure.persistence.SchemaMigration;

import java.time.Instant;

/** What university IT checks after an install or upgrade: is the application up, and at which schema version. */
@Path("system/status")
public class SystemStatusResource {

    @Inject
    private SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String status() {
        return Json.createObjectBuilder()
                .add("status", "UP")
                .add("schemaVersion", schema.schemaVersion())
                .add("serverTime", Instant.now().toString())
                .build().toString();
    }
}
