package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /** The entries matching the filters (who, what, target, period [from, until)), newest first, a page at a time. */
    @GET
    @Path("search")
    public ExamResource.PageView<Entry> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                               @QueryParam("targetType") String targetType,
                                               @QueryParam("targetId") String targetId,
                                               @QueryParam("from") String from, @QueryParam("until") String until,
                                               @QueryParam("page") @DefaultValue("0") int page,
                                               @QueryParam("size") @DefaultValue("50") int size) {
        return ExamResource.PageView.of(audit.search(actor, action, targetType, targetId, instant(from, "from"),
                instant(until, "until"), page, size), AuditResource::entry);
    }

    /** The same filters as a CSV file (at most {@value #MAX_EXPORT} entries, newest first). */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                           @QueryParam("from") String from, @QueryParam("until") String until) {
        Instant since = instant(from, "from");
        Instant before = instant(until, "until");
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                        .setHeader("at", "actor", "action", "targetType", "targetId", "detail", "origin").get())) {
            int pageSize = org.campusproctor.application.Page.MAX_SIZE;
            for (int page = 0; page * pageSize < MAX_EXPORT; page++) {
                List<Entry> entries = audit.search(actor, action, targetType, targetId, since, before, page, pageSize)
                        .items().stream().map(AuditResource::entry).toList();
                for (Entry e : entries) {
                    csv.printRecord(e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), spreadsheetSafe(e.detail()),
                            e.origin());
                }
                if (entries.size() < pageSize) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    static final int MAX_EXPORT = 100_000;

    /** A value a spreadsheet would run as a formula starts with an apostrophe instead. */
    static String spreadsheetSafe(String value) {
        return value != null && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static Entry entry(org.campusproctor.domain.audit.AuditEntry e) {
        return new Entry(e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.detail(), e.origin());
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.campusproctor.domain.InvalidInputException(name + " must be an ISO-8601 instant, e.g. 2026-11-30T00:00:00Z");
        }
    }

    @GET
    public List<Entry> latest(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.latest(limit).stream()
                .map(e -> new Entry(e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.detail(), e.origin()))
                .toList();
    }
}
