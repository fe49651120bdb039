package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.ExamAuthoring;
import org.campusproctor.application.Page;
import org.campusproctor.domain.exam.Exam;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/** The registrar's exams list: searched and paged on the server, and a new draft exam. */
@Named
@ViewScoped
public class ExamsConsole implements Serializable {

    /** An exam as the list shows it. */
    public record ExamRow(String id, String title, String status, long durationMinutes, BigDecimal passingScore,
                          int questions, String mediaRetention) implements Serializable {
        static ExamRow of(Exam e) {
            return new ExamRow(e.id(), e.title(), e.status().name(), e.duration().toMinutes(), e.passingScore(),
                    e.questions().size(), e.mediaRetentionDays() == null ? "default" : e.mediaRetentionDays() + " days");
        }
    }

    @Inject
    private ExamAuthoring authoring;

    private String query;
    private String title;
    private Integer durationMinutes = 60;
    private BigDecimal passingScore = BigDecimal.valueOf(50);
    private final PagedList<ExamRow> exams = new PagedList<>(this::page, ExamRow::id);

    private Page<ExamRow> page(int page, int size) {
        Page<Exam> p = authoring.exams(query, page, size);
        return new Page<>(p.items().stream().map(ExamRow::of).toList(), p.total(), page, size);
    }

    public void create() {
        try {
            Exam exam = authoring.createExam(title, null, Duration.ofMinutes(durationMinutes == null ? 0 : durationMinutes),
                    null, null, passingScore, false, false, null);
            Messages.info("Draft exam \"" + exam.title() + "\" created");
            title = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public PagedList<ExamRow> getExams() { return exams; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
    public BigDecimal getPassingScore() { return passingScore; }
    public void setPassingScore(BigDecimal passingScore) { this.passingScore = passingScore; }
}
