package org.campusproctor.interfaces.web.candidate;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.campusproctor.application.AttemptView;
import org.campusproctor.application.CandidateAttempts;
import org.campusproctor.application.CandidateExamView;
import org.campusproctor.domain.DomainException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backs the candidate's way through one exam, addressed by their registration (never an attempt id in the URL):
 * candidate/prepare.xhtml (instructions, consent, system check, identity check, start) and candidate/exam.xhtml
 * (questions, timer, capture). Holds view records only; the page's script autosaves and uploads through the REST
 * API, which runs the same application services.
 */
@Named
@ViewScoped
public class ExamSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> BEFORE_START = Set.of("CREATED", "IDENTITY_CHECK", "READY");
    private static final Set<String> RUNNING = Set.of("IN_PROGRESS", "PAUSED");

    @Inject
    private CandidateAttempts attempts;

    private String registration;
    private boolean consent;
    private CandidateExamView exam;
    private AttemptView attempt;
    private final Map<String, String> responses = new HashMap<>();
    private final Map<String, List<String>> selections = new HashMap<>();

    /** prepare.xhtml: the exam as listed; a running attempt goes straight to the exam page. */
    public String loadPreparation() {
        if (!loadExam()) {
            return null;
        }
        if (exam.attemptStatus() != null && RUNNING.contains(exam.attemptStatus())) {
            return examPage();
        }
        if ("IDENTITY_CHECK".equals(exam.attemptStatus()) || "READY".equals(exam.attemptStatus())) {
            attempt = attempts.open(registration);
            if ("READY".equals(attempt.status())) {
                return start();
            }
        }
        return null;
    }

    /** The start button (consent given, system check passed): opens the attempt and starts it, or asks for the identity check. */
    public String begin() {
        if (!loadExam()) {
            return null;
        }
        if (!consent) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Please read how this exam is proctored and tick the consent box before starting.", null));
            return null;
        }
        try {
            attempt = attempts.open(registration); // idempotent: a second click finds the same attempt
            if ("CREATED".equals(attempt.status())) {
                attempts.consent(attempt.id());
                attempt = exam.identityCheckRequired() ? attempts.beginIdentityCheck(attempt.id()) : attempts.markReady(attempt.id());
            }
            if ("READY".equals(attempt.status())) {
                return start();
            }
            if (RUNNING.contains(attempt.status())) {
                return examPage();
            }
            return null; // IDENTITY_CHECK: the page waits for the approval
        } catch (DomainException e) {
            refused(e);
            return null;
        }
    }

    private String start() {
        try {
            attempt = attempts.start(attempt.id());
            return examPage();
        } catch (DomainException e) {
            refused(e);
            return null;
        }
    }

    /** exam.xhtml: the running attempt with its questions and answers; before the start, back to preparation. */
    public String loadExamPage() {
        if (!loadExam()) {
            return null;
        }
        if (exam.attemptStatus() == null || BEFORE_START.contains(exam.attemptStatus())) {
            return "/candidate/prepare.xhtml?faces-redirect=true&registration=" + registration;
        }
        attempt = attempts.open(registration);
        for (AttemptView.AnswerView answer : attempt.answers()) {
            responses.put(answer.questionId(), answer.response());
            if (answer.response() != null && !answer.response().isBlank()) {
                selections.put(answer.questionId(), List.of(answer.response().split(",")));
            }
        }
        return null;
    }

    private boolean loadExam() {
        try {
            exam = attempts.myExam(registration);
            return true;
        } catch (DomainException e) {
            refused(e);
            return false;
        }
    }

    private String examPage() {
        return "/candidate/exam.xhtml?faces-redirect=true&registration=" + registration;
    }

    private static void refused(DomainException e) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }

    /** What the page script needs, as JSON in a data attribute: ids, saved sequences, timer, capture settings. */
    public String getClientState() {
        if (attempt == null) {
            return "{}";
        }
        JsonArrayBuilder questions = Json.createArrayBuilder();
        for (AttemptView.QuestionView q : attempt.questions()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", q.id()).add("number", q.number()).add("type", q.type());
            attempt.answers().stream().filter(a -> a.questionId().equals(q.id())).findFirst()
                    .ifPresent(a -> b.add("sequence", a.sequence()).add("response", a.response() == null ? "" : a.response()));
            questions.add(b);
        }
        return Json.createObjectBuilder().add("attemptId", attempt.id()).add("registration", registration)
                .add("status", attempt.status()).add("remainingSeconds", attempt.remainingSeconds())
                .add("totalAllowedSeconds", attempt.totalAllowedSeconds())
                .add("frameIntervalSeconds", exam.frameIntervalSeconds()).add("webcamRequired", exam.webcamRequired())
                .add("screenRecordingRequired", exam.screenRecordingRequired()).add("questions", questions)
                .build().toString();
    }

    /** The choices of a choice question in the attempt's shuffled order, each with its original index as value. */
    public List<Choice> choices(AttemptView.QuestionView question) {
        List<Choice> choices = new ArrayList<>();
        List<Integer> order = question.choiceOrder() == null || question.choiceOrder().isEmpty()
                ? java.util.stream.IntStream.range(0, question.choices().size()).boxed().toList() : question.choiceOrder();
        for (int index : order) {
            choices.add(new Choice(String.valueOf(index), question.choices().get(index)));
        }
        return choices;
    }

    public record Choice(String value, String label) implements Serializable {
    }

    public boolean isRunning() { return attempt != null && RUNNING.contains(attempt.status()); }
    public boolean isWaitingForIdentity() { return attempt != null && "IDENTITY_CHECK".equals(attempt.status()); }
    public boolean isCompleted() { return exam != null && "DONE".equals(exam.availability()); }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getRegistration() { return registration; }
    public void setRegistration(String registration) { this.registration = registration; }
    public CandidateExamView getExam() { return exam; }
    public AttemptView getAttempt() { return attempt; }
    public Map<String, String> getResponses() { return responses; }
    public Map<String, List<String>> getSelections() { return selections; }
}
