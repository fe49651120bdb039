package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.AttemptView;
import org.campusproctor.application.ExamAuthoring;
import org.campusproctor.application.Grading;
import org.campusproctor.application.Grading.Essay;
import org.campusproctor.application.Grading.EssayToGrade;
import org.campusproctor.application.Page;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The registrar grades the essays of one exam: the answers still awaiting a grade (paged on the server, earliest
 * finished attempt first) and, for the one opened, the prompt, the candidate's essay, the points and a comment. The
 * grade re-scores the attempt ({@link Grading#grade}, audited); the attempt's score and outcome are shown after it.
 */
@Named
@ViewScoped
public class GradingConsole implements Serializable {

    /** A row of the list: which attempt, whose, when it ended, which question. */
    public record EssayRow(String key, String attemptId, String questionId, String candidate, Instant submittedAt,
                           int position, String prompt, BigDecimal maxPoints) implements Serializable {
        static EssayRow of(EssayToGrade e) {
            return new EssayRow(e.attemptId() + "/" + e.questionId(), e.attemptId(), e.questionId(), e.candidate(),
                    e.submittedAt(), e.position(), e.prompt(), e.maxPoints());
        }
    }

    /** The essay opened for grading. */
    public record EssayView(String attemptId, String questionId, String candidate, String prompt, BigDecimal maxPoints,
                            String response, boolean awaitingGrade) implements Serializable {
        static EssayView of(Essay e) {
            return new EssayView(e.attemptId(), e.questionId(), e.candidate(), e.prompt(), e.maxPoints(),
                    e.response(), e.awaitingGrade());
        }
    }

    /** The attempt as it stands after a grade. */
    public record Result(String candidate, BigDecimal score, BigDecimal maxScore, boolean gradingComplete,
                         String outcome) implements Serializable {
    }

    @Inject
    private Grading grading;

    @Inject
    private ExamAuthoring authoring;

    private String examId;
    private String examTitle;
    private final PagedList<EssayRow> essays = new PagedList<>(this::page, EssayRow::key);
    private EssayView essay;
    private BigDecimal points;
    private String comment;
    private Result result;

    /** f:viewAction: the exam named by the exam parameter. */
    public void load() {
        try {
            if (examId == null || examId.isBlank()) {
                throw new org.campusproctor.domain.InvalidInputException("Open essay grading from an exam's page");
            }
            examTitle = authoring.find(examId).title();
        } catch (RuntimeException e) {
            examTitle = null;
            Messages.refused(e);
        }
    }

    private Page<EssayRow> page(int page, int size) {
        Page<EssayToGrade> p = grading.awaitingGrade(examId, page, size);
        return new Page<>(p.items().stream().map(EssayRow::of).toList(), p.total(), page, size);
    }

    public void open(EssayRow row) {
        try {
            essay = EssayView.of(grading.essay(row.attemptId(), row.questionId()));
            points = null;
            comment = null;
            result = null;
        } catch (RuntimeException e) {
            essay = null;
            Messages.refused(e);
        }
    }

    public void grade() {
        if (essay == null) {
            return;
        }
        try {
            if (points == null) {
                throw new org.campusproctor.domain.InvalidInputException("Give the points, 0 to " + essay.maxPoints());
            }
            AttemptView attempt = grading.grade(essay.attemptId(), essay.questionId(), points, comment);
            result = new Result(attempt.candidate(), attempt.score(), attempt.maxScore(), attempt.gradingComplete(),
                    attempt.outcome());
            Messages.info("Essay of " + attempt.candidate() + " graded: " + points.stripTrailingZeros().toPlainString()
                    + " of " + essay.maxPoints().stripTrailingZeros().toPlainString() + " points");
            essay = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public String getExamId() { return examId; }
    public void setExamId(String examId) { this.examId = examId; }
    public String getExamTitle() { return examTitle; }
    public PagedList<EssayRow> getEssays() { return essays; }
    public EssayView getEssay() { return essay; }
    public BigDecimal getPoints() { return points; }
    public void setPoints(BigDecimal points) { this.points = points; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Result getResult() { return result; }
}
