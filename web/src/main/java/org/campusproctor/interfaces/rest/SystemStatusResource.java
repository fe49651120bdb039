package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.infrastructure.persistence.SchemaMigration;

import java.time.Instant;

/** What university IT checks after an install or upgrade: is the application up, and at which schema version. */
@Path("system/status")
public class SystemStatusResource {

    /** The server is up, with the database schema version it runs on. */
    public record SystemStatus(String status, String schemaVersion, Instant serverTime) {
    }

    @Inject
    private SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SystemStatus status() {
        return new SystemStatus("UP", schema.schemaVersion(), Instant.now());
    }
}
