package org.campusproctor.interfaces.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.AttemptQueries;
import org.campusproctor.application.AttemptView;
import org.campusproctor.application.ExamAuthoring;
import org.campusproctor.application.Page;
import org.campusproctor.application.QuestionBankFiles;
import org.campusproctor.application.RegistrationDesk;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ExamStatus;
import org.campusproctor.domain.exam.ProctoringSettings;
import org.campusproctor.domain.exam.QuestionType;
import org.campusproctor.domain.registration.Registration;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One exam for the registrar: its settings (editable within {@link Exam#changeSettings}'s rules), its attempts with
 * their outcomes and a count by status, its question bank (add, edit while a draft, with a preview of each
 * question as candidates see it), publication, media retention, and its registrations with their allowances
 * (editable until the attempt starts).
 */
@Named
@ViewScoped
public class ExamConsole implements Serializable {

    public record Settings(String id, String title, String status, long durationMinutes, String window,
                           BigDecimal passingScore, String proctoring, String mediaRetention, boolean draft,
                           boolean archived)
            implements Serializable {
    }

    public record QuestionRow(String id, int position, String type, String prompt, BigDecimal points,
                              List<String> choices) implements Serializable {
    }

    /** One incident threshold of the editor: its name, what it means (with its unit) and the platform default. */
    public record ThresholdRow(String name, String label, Number defaultValue) implements Serializable {
    }

    // what each threshold of IncidentThresholds means, in the order the editor shows them
    private static final Map<String, String> THRESHOLD_LABELS = thresholdLabels();

    private static Map<String, String> thresholdLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("noFaceForMillis", "No face for (ms)");
        m.put("multipleFacesForMillis", "Several faces for (ms)");
        m.put("maxYawDegrees", "Head turned more than (yaw, degrees)");
        m.put("maxPitchDegrees", "Head tilted more than (pitch, degrees)");
        m.put("maxGazeOffset", "Gaze off-centre more than (0..1)");
        m.put("lookingAwayForMillis", "Looking away for (ms)");
        m.put("minLiveScore", "Live score below (spoof, 0..1)");
        m.put("spoofFrames", "Spoof in consecutive frames");
        m.put("maxMatchDistance", "Face-match distance above (mismatch)");
        m.put("mismatchFrames", "Mismatching frames");
        m.put("minPhoneScore", "Phone score from (0..1)");
        m.put("phoneFrames", "Phone seen in frames");
        m.put("maxGapMillis", "A gap between frames ends an episode after (ms)");
        return m;
    }

    /** One proctor of the exam with their number of candidates (proctor null: the registrations without one). */
    public record SessionRow(String proctor, long candidates) implements Serializable {
    }

    public record RegistrationRow(String id, String candidate, String proctor, long extraMinutes, String accommodations,
                                  boolean photo) implements Serializable {
        static RegistrationRow of(Registration r) {
            return new RegistrationRow(r.id(), r.candidate(), r.proctor(), r.extraTime().toMinutes(),
                    r.accommodations(), r.enrolmentMediaId() != null);
        }
    }

    @Inject
    private ExamAuthoring authoring;

    @Inject
    private RegistrationDesk desk;

    @Inject
    private QuestionBankFiles bankFiles;

    @Inject
    private AttemptQueries attempts;

    private String id;
    private Settings settings;
    private List<QuestionRow> questions = List.of();
    private String query;
    private final PagedList<RegistrationRow> registrations = new PagedList<>(this::page, RegistrationRow::id);
    private final PagedList<AttemptView.SummaryView> attemptList =
            new PagedList<>((page, size) -> attempts.ofExam(id, page, size), AttemptView.SummaryView::id);
    private String attemptCounts;
    // settings form
    private String title;
    private String instructions;
    private Long durationMinutes;
    private String availableFrom; // ISO instants as typed; blank: no bound
    private String availableUntil;
    private BigDecimal passingScore;

    // question form
    private String editing; // question id, null: a new question
    private String type = QuestionType.SINGLE_CHOICE.name();
    private String prompt;
    private BigDecimal points = BigDecimal.ONE;
    private String choices;
    private String key;
    private Integer retentionDays;
    // proctoring form
    private boolean webcamRequired;
    private boolean screenRecordingRequired;
    private boolean identityCheckRequired;
    private Integer frameIntervalSeconds;
    private Integer reviewRiskThreshold;
    private Integer incidentAlertCount;
    private final Map<String, String> thresholds = new LinkedHashMap<>(); // as typed; blank: the default
    // allowances form
    private String registration;
    private Long extraMinutes;
    private String accommodations;
    private String assignedProctor; // the proctor form's username
    private transient jakarta.servlet.http.Part bankFile;
    private List<SessionRow> sessions = List.of();

    /** f:viewAction: loads the exam named by the id parameter. */
    public void load() {
        try {
            Exam e = authoring.find(id);
            settings = new Settings(e.id(), e.title(), e.status().name(), e.duration().toMinutes(),
                    (e.availableFrom() == null ? "any time" : e.availableFrom().toString()) + " – "
                            + (e.availableUntil() == null ? "open end" : e.availableUntil().toString()),
                    e.passingScore(), "webcam " + e.proctoring().webcamRequired() + ", screen "
                    + e.proctoring().screenRecordingRequired() + ", identity check " + e.proctoring().identityCheckRequired()
                    + ", a frame every " + e.proctoring().frameIntervalSeconds() + " s, review from risk "
                    + e.proctoring().reviewRiskThreshold(),
                    e.mediaRetentionDays() == null ? "default" : e.mediaRetentionDays() + " days",
                    e.status() == ExamStatus.DRAFT, e.status() == ExamStatus.ARCHIVED);
            title = e.title();
            instructions = e.instructions();
            durationMinutes = e.duration().toMinutes();
            availableFrom = e.availableFrom() == null ? null : e.availableFrom().toString();
            availableUntil = e.availableUntil() == null ? null : e.availableUntil().toString();
            passingScore = e.passingScore();
            attemptCounts = attemptCounts();
            retentionDays = e.mediaRetentionDays();
            ProctoringSettings p = e.proctoring();
            webcamRequired = p.webcamRequired();
            screenRecordingRequired = p.screenRecordingRequired();
            identityCheckRequired = p.identityCheckRequired();
            frameIntervalSeconds = p.frameIntervalSeconds();
            reviewRiskThreshold = p.reviewRiskThreshold();
            incidentAlertCount = p.incidentAlertCount();
            Map<String, Number> overrides = p.incidentThresholds().asMap();
            thresholds.clear();
            THRESHOLD_LABELS.keySet().forEach(name -> thresholds.put(name,
                    overrides.containsKey(name) ? overrides.get(name).toString() : ""));
            sessions = sessions();
            questions = e.questions().stream().map(q -> new QuestionRow(q.id(), q.position(), q.type().name(),
                    q.prompt(), q.points(), q.choices())).toList();
        } catch (RuntimeException e) {
            settings = null;
            Messages.refused(e);
        }
    }

    /** The count line of the exam's attempts by status, e.g. "2 IN_PROGRESS, 1 SUBMITTED" (one GROUP BY query). */
    private String attemptCounts() {
        Map<String, Long> counts = attempts.statusCounts(id);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? "No attempts yet" : total + " attempt(s): " + counts.entrySet().stream()
                .map(c -> c.getValue() + " " + c.getKey()).collect(Collectors.joining(", "));
    }

    /** Saves title, instructions, window, duration and passing score (once attempts started, only what stays fair). */
    public void saveSettings() {
        try {
            authoring.changeSettings(id, title, instructions,
                    java.time.Duration.ofMinutes(durationMinutes == null ? 0 : durationMinutes),
                    instant("Available from", availableFrom), instant("Available until", availableUntil), passingScore);
            Messages.info("Settings saved");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** An ISO instant as typed (blank: none). */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO instant such as 2026-12-01T09:00:00Z, or empty");
        }
    }

    private Page<RegistrationRow> page(int page, int size) {
        Page<Registration> p = desk.registrations(id, query, page, size);
        return new Page<>(p.items().stream().map(RegistrationRow::of).toList(), p.total(), page, size);
    }

    public void saveQuestion() {
        try {
            QuestionType t = QuestionType.valueOf(type);
            List<String> options = t.isChoice() ? lines(choices) : List.of();
            AnswerKey answerKey = key(t, key);
            if (editing == null) {
                authoring.addQuestion(id, t, prompt, points, options, answerKey);
                Messages.info("Question added");
            } else {
                authoring.editQuestion(id, editing, t, prompt, points, options, answerKey);
                Messages.info("Question saved");
            }
            newQuestion();
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The key as typed: option numbers (1-based, comma-separated), true/false, accepted answers (one per line), or a
     *  number with an optional tolerance ("3.14 ± 0.01" or "3.14 0.01"). */
    static AnswerKey key(QuestionType t, String text) {
        String k = text == null ? "" : text.trim();
        try {
            return switch (t) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> AnswerKey.choices(Arrays.stream(k.split("[,\\s]+"))
                        .filter(s -> !s.isBlank()).map(s -> Integer.parseInt(s) - 1).collect(Collectors.toSet()));
                case TRUE_FALSE -> AnswerKey.trueFalse(Boolean.parseBoolean(k));
                case SHORT_TEXT -> AnswerKey.text(lines(k), false);
                case NUMERIC -> {
                    String[] parts = k.split("[±\\s]+");
                    yield AnswerKey.numeric(new BigDecimal(parts[0]), parts.length > 1 ? new BigDecimal(parts[1]) : BigDecimal.ZERO);
                }
                case ESSAY -> AnswerKey.none();
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new org.campusproctor.domain.InvalidInputException("The key is not in the form this type needs");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public void edit(QuestionRow q) {
        editing = q.id();
        type = q.type();
        prompt = q.prompt();
        points = q.points();
        choices = String.join("\n", q.choices());
        key = null; // the key is re-entered: it is not shown back
    }

    public void newQuestion() {
        editing = null;
        prompt = null;
        choices = null;
        key = null;
        points = BigDecimal.ONE;
    }

    /** Adds the questions of the uploaded question-bank file to this draft: all of them, or none (the error names the first bad one). */
    public void importQuestions() {
        try {
            if (bankFile == null || bankFile.getSize() == 0) {
                throw new InvalidInputException("Choose a question-bank file (JSON)");
            }
            if (bankFile.getSize() > QuestionBankFiles.MAX_BYTES) {
                throw new InvalidInputException("A question-bank file is at most " + QuestionBankFiles.MAX_BYTES + " bytes");
            }
            byte[] file;
            try (java.io.InputStream in = bankFile.getInputStream()) {
                file = in.readNBytes(QuestionBankFiles.MAX_BYTES + 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Messages.info(bankFiles.importFile(id, file) + " question(s) imported");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void publish() {
        try {
            authoring.publish(id);
            Messages.info("Exam published");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void saveRetention() {
        try {
            authoring.retainMediaFor(id, retentionDays);
            Messages.info("Media retention saved");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Saves the proctoring settings and threshold overrides; allowed after publication (the next frames use them). */
    public void saveProctoring() {
        try {
            Map<String, Number> overrides = new TreeMap<>();
            thresholds.forEach((name, text) -> {
                if (text != null && !text.isBlank()) {
                    try {
                        overrides.put(name, new BigDecimal(text.trim()));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("incident threshold " + name + " must be a number");
                    }
                }
            });
            authoring.changeProctoring(id, new ProctoringSettings(webcamRequired, screenRecordingRequired,
                    identityCheckRequired, frameIntervalSeconds == null ? 0 : frameIntervalSeconds,
                    reviewRiskThreshold == null ? -1 : reviewRiskThreshold,
                    incidentAlertCount == null ? 1 : incidentAlertCount), overrides);
            Messages.info("Proctoring settings saved");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<ThresholdRow> getThresholdRows() {
        Map<String, Number> defaults = IncidentThresholds.DEFAULTS.asMap();
        return THRESHOLD_LABELS.entrySet().stream()
                .map(t -> new ThresholdRow(t.getKey(), t.getValue(), defaults.get(t.getKey()))).toList();
    }

    public void editAllowances(RegistrationRow r) {
        registration = r.id();
        extraMinutes = r.extraMinutes();
        accommodations = r.accommodations();
        assignedProctor = r.proctor();
    }

    private List<SessionRow> sessions() {
        return desk.proctorSessions(id).stream().map(p -> new SessionRow(p.proctor(), p.candidates())).toList();
    }

    /** Assigns the proctor typed in the form to the registration being changed (also to its attempt). */
    public void saveProctor() {
        try {
            desk.assignProctor(registration, assignedProctor == null ? null : assignedProctor.trim());
            Messages.info("Proctor " + assignedProctor.trim() + " assigned");
            registration = null;
            sessions = sessions();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void saveAllowances() {
        try {
            desk.changeAllowances(registration, extraMinutes == null ? 0 : extraMinutes * 60, accommodations);
            Messages.info("Allowances saved");
            registration = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<String> getTypes() {
        return Arrays.stream(QuestionType.values()).map(Enum::name).toList();
    }

    public Set<String> getChoiceTypes() {
        return Set.of(QuestionType.SINGLE_CHOICE.name(), QuestionType.MULTIPLE_CHOICE.name());
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Settings getSettings() { return settings; }
    public List<QuestionRow> getQuestions() { return questions; }
    public PagedList<RegistrationRow> getRegistrations() { return registrations; }
    /** The exam's attempts with their outcomes, a page at a time. */
    public PagedList<AttemptView.SummaryView> getAttempts() { return attemptList; }
    public String getAttemptCounts() { return attemptCounts; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public Long getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Long durationMinutes) { this.durationMinutes = durationMinutes; }
    public String getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(String availableFrom) { this.availableFrom = availableFrom; }
    public String getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(String availableUntil) { this.availableUntil = availableUntil; }
    public BigDecimal getPassingScore() { return passingScore; }
    public void setPassingScore(BigDecimal passingScore) { this.passingScore = passingScore; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getEditing() { return editing; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public BigDecimal getPoints() { return points; }
    public void setPoints(BigDecimal points) { this.points = points; }
    public String getChoices() { return choices; }
    public void setChoices(String choices) { this.choices = choices; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public Integer getRetentionDays() { return retentionDays; }
    public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }
    public boolean isWebcamRequired() { return webcamRequired; }
    public void setWebcamRequired(boolean webcamRequired) { this.webcamRequired = webcamRequired; }
    public boolean isScreenRecordingRequired() { return screenRecordingRequired; }
    public void setScreenRecordingRequired(boolean v) { this.screenRecordingRequired = v; }
    public boolean isIdentityCheckRequired() { return identityCheckRequired; }
    public void setIdentityCheckRequired(boolean v) { this.identityCheckRequired = v; }
    public Integer getFrameIntervalSeconds() { return frameIntervalSeconds; }
    public void setFrameIntervalSeconds(Integer v) { this.frameIntervalSeconds = v; }
    public Integer getReviewRiskThreshold() { return reviewRiskThreshold; }
    public void setReviewRiskThreshold(Integer v) { this.reviewRiskThreshold = v; }
    public Integer getIncidentAlertCount() { return incidentAlertCount; }
    public void setIncidentAlertCount(Integer v) { this.incidentAlertCount = v; }
    /** Threshold overrides as typed, by name (the form writes into it); blank: the default. */
    public Map<String, String> getThresholds() { return thresholds; }
    public jakarta.servlet.http.Part getBankFile() { return bankFile; }
    public void setBankFile(jakarta.servlet.http.Part bankFile) { this.bankFile = bankFile; }
    public String getRegistration() { return registration; }
    public String getAssignedProctor() { return assignedProctor; }
    public void setAssignedProctor(String assignedProctor) { this.assignedProctor = assignedProctor; }
    /** The exam's proctors with their number of candidates (null proctor: registrations without one). */
    public List<SessionRow> getSessions() { return sessions; }
    public Long getExtraMinutes() { return extraMinutes; }
    public void setExtraMinutes(Long extraMinutes) { this.extraMinutes = extraMinutes; }
    public String getAccommodations() { return accommodations; }
    public void setAccommodations(String accommodations) { this.accommodations = accommodations; }
}
