package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.campusproctor.application.ExamStatistics;

import java.io.Serializable;
import java.util.Map;

/**
 * The charts of the consoles (PrimeFaces' Chart.js component takes its configuration as JSON): attempts per state,
 * incidents per type, risk distribution (of one exam, or all). Each chart has a table of the same numbers beside it
 * for screen readers.
 */
@Named
@ViewScoped
public class StatisticsCharts implements Serializable {

    @Inject
    private ExamStatistics statistics;

    private String exam;
    private Map<String, Long> attempts;
    private Map<String, Long> incidents;
    private Map<String, Long> risk;

    public void load() {
        attempts = statistics.attemptsPerState();
        incidents = statistics.incidentsPerType();
        risk = statistics.riskDistribution(exam == null || exam.isBlank() ? null : exam.trim());
    }

    private static String bar(String label, Map<String, Long> counts, String colour) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        counts.forEach((k, v) -> {
            labels.add(k);
            data.add(v);
        });
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private void ensure() {
        if (attempts == null) {
            load();
        }
    }

    public String getAttemptsChart() {
        ensure();
        return bar("Attempts", attempts, "#1d4ed8");
    }

    public String getIncidentsChart() {
        ensure();
        return bar("Incidents", incidents, "#b45309");
    }

    public String getRiskChart() {
        ensure();
        return bar("Attempts", risk, "#b91c1c");
    }

    public Map<String, Long> getAttempts() { ensure(); return attempts; }
    public Map<String, Long> getIncidents() { ensure(); return incidents; }
    public Map<String, Long> getRisk() { ensure(); return risk; }
    public String getExam() { return exam; }
    public void setExam(String exam) { this.exam = exam; }
}
