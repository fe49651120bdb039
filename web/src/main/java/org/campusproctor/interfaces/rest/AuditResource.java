package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.application.AuditLog;

import java.time.Instant;
import java.util.List;

/** The audit log, newest first (admin only). Read-only: there is no way to change it through the API. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record Entry(Instant at, String actor, String action, String targetType, String targetId, String detail, String origin) {
    }

    @Inject
    private AuditLog audit;

    @GET
    public List<Entry> latest(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.latest(limit).stream()
                .map(e -> new Entry(e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.detail(), e.origin()))
                .toList();
    }
}
