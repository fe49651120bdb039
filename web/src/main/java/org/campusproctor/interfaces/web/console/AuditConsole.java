package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.AuditLog;
import org.campusproctor.application.Page;
import org.campusproctor.domain.audit.AuditEntry;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The administrator's audit log: filters (who, what, target, period), a page at a time, and its CSV export. */
@Named
@ViewScoped
public class AuditConsole implements Serializable {

    /** An entry as the table shows it. */
    public record EntryRow(String id, Instant at, String actor, String action, String target, String detail, String origin)
            implements Serializable {
        static EntryRow of(AuditEntry e) {
            return new EntryRow(e.id(), e.at(), e.actor(), e.action(),
                    e.targetType() == null ? "" : e.targetType() + " " + e.targetId(), e.detail(), e.origin());
        }
    }

    @Inject
    private AuditLog audit;

    private String actor;
    private String action;
    private String targetType;
    private String targetId;
    private String from;
    private String until;
    private final PagedList<EntryRow> entries = new PagedList<>(this::page, EntryRow::id);

    private Page<EntryRow> page(int page, int size) {
        Page<AuditEntry> p = audit.search(actor, action, targetType, targetId, instant(from), instant(until), page, size);
        return new Page<>(p.items().stream().map(EntryRow::of).toList(), p.total(), page, size);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null; // the field's validator already told the user
        }
    }

    /** The export of the same filters (the API's CSV). */
    public String getExportUrl() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("targetType", targetType);
        filters.put("targetId", targetId);
        filters.put("from", from);
        filters.put("until", until);
        return "api/audit/export?" + filters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public PagedList<EntryRow> getEntries() { return entries; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getTargetType() { return targetType; }
    public void setTargetType(String targetType) { this.targetType = targetType; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getUntil() { return until; }
    public void setUntil(String until) { this.until = until; }
}
