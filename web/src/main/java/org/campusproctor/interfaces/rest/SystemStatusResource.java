package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.application.FrameAdmission;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.infrastructure.persistence.SchemaMigration;

import java.time.Instant;

/**
 * What university IT checks after an install or upgrade: is the application up, and at which schema version; and
 * while exams run, how far the vision workers are behind.
 */
@Path("system/status")
public class SystemStatusResource {

    /** The server is up, with the database schema version it runs on and the frame backlog. */
    public record SystemStatus(String status, String schemaVersion, Instant serverTime, FrameBacklog frameBacklog) {
    }

    /** Frames awaiting analysis, and the count from which uploads are refused (429). */
    public record FrameBacklog(long awaitingAnalysis, int maxPending) {
    }

    @Inject
    private SchemaMigration schema;

    @Inject
    private FrameAdmission frames;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SystemStatus status() {
        return new SystemStatus("UP", schema.schemaVersion(), Instant.now(),
                new FrameBacklog(frames.awaitingAnalysis(), Settings.FRAMES_MAX_PENDING.value()));
    }
}
