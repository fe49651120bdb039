package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.Question;
import org.campusproctor.domain.exam.Scoring;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.ExamAttempt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a completed attempt from its saved answers: objective questions automatically, essays left for a grader
 * (a manual grade, once given, is kept). Run at completion, after a manual grade, and when an answer key changes.
 * Once the review is FINAL the answers' points stand as reviewed: only the total is recomputed (a pending essay
 * grade completing the outcome).
 */
@Dependent
public class AttemptScorer {

    @PersistenceContext
    private EntityManager em;

    public void score(ExamAttempt attempt) {
        Exam exam = em.find(Exam.class, attempt.examId());
        Map<String, Answer> answers = em.createNamedQuery(Answer.OF_ATTEMPT, Answer.class)
                .setParameter("attemptId", attempt.id()).getResultStream()
                .collect(Collectors.toMap(Answer::questionId, Function.identity()));
        List<BigDecimal> awarded = new ArrayList<>();
        boolean complete = true;
        boolean rescore = !attempt.reviewFinal();
        for (Question question : exam.questions()) {
            Answer answer = answers.get(question.id());
            if (answer == null) {
                continue; // unanswered: 0 points, nothing to grade
            }
            if (rescore) {
                rescore(question, answer);
            }
            if (answer.needsGrading()) {
                complete = false;
            } else {
                awarded.add(answer.awardedPoints());
            }
        }
        attempt.recordScore(Scoring.sum(awarded), exam.maxScore(), complete);
    }

    private static void rescore(Question question, Answer answer) {
        Optional<BigDecimal> auto = question.autoScore(answer.response());
        if (auto.isPresent()) {
            answer.autoScore(auto.get());
        } else if (answer.response() == null || answer.response().isBlank()) {
            answer.autoScore(Scoring.zero());
        } else {
            answer.awaitGrading();
        }
    }
}
