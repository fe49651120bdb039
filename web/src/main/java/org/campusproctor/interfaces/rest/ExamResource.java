package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.ExamAuthoring;
import org.campusproctor.application.QuestionBankFiles;
import org.campusproctor.application.RegistrationDesk;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.exam.AnswerKey;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ProctoringSettings;
import org.campusproctor.domain.exam.Question;
import org.campusproctor.domain.exam.QuestionType;
import org.campusproctor.domain.registration.Registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Exams, their questions and registrations (registrar/admin, enforced by the services). */
@Path("exams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExamResource {

    /** How many completed attempts a key change re-scored, and how many it left alone (FINAL review). */
    public record KeyChanged(int rescoredAttempts, int skippedFinalAttempts) {
    }


    public record QuestionSummary(String id, int position, String type, String prompt, BigDecimal points, List<String> choices) {
    }

    public record ExamView(String id, String title, String instructions, String status, long durationSeconds,
                           java.time.Instant availableFrom, java.time.Instant availableUntil, BigDecimal passingScore,
                           boolean shuffleQuestions, boolean shuffleChoices, boolean webcamRequired,
                           boolean screenRecordingRequired, boolean identityCheckRequired, int frameIntervalSeconds,
                           int reviewRiskThreshold, int incidentAlertCount, java.util.Map<String, Number> incidentThresholds,
                           List<QuestionSummary> questions) {
        static ExamView of(Exam e) {
            ProctoringSettings p = e.proctoring();
            return new ExamView(e.id(), e.title(), e.instructions(), e.status().name(), e.duration().toSeconds(),
                    e.availableFrom(), e.availableUntil(), e.passingScore(), e.shuffleQuestions(), e.shuffleChoices(),
                    p.webcamRequired(), p.screenRecordingRequired(), p.identityCheckRequired(), p.frameIntervalSeconds(),
                    p.reviewRiskThreshold(), p.incidentAlertCount(),
                    p.incidentThresholds().asMap(),
                    e.questions().stream().map(q -> new QuestionSummary(q.id(), q.position(), q.type().name(), q.prompt(),
                            q.points(), q.choices())).toList());
        }
    }

    public record RegistrationView(String id, String examId, String candidate, String proctor, long extraTimeSeconds,
                                   String accommodations, boolean enrolmentPhoto) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id(), r.examId(), r.candidate(), r.proctor(), r.extraTime().toSeconds(),
                    r.accommodations(), r.enrolmentMediaId() != null);
        }
    }

    /** An exam in a list (without its questions). */
    public record ExamSummary(String id, String title, String status, long durationSeconds,
                              java.time.Instant availableFrom, java.time.Instant availableUntil, BigDecimal passingScore,
                              Integer mediaRetentionDays) {
        static ExamSummary of(Exam e) {
            return new ExamSummary(e.id(), e.title(), e.status().name(), e.duration().toSeconds(), e.availableFrom(),
                    e.availableUntil(), e.passingScore(), e.mediaRetentionDays());
        }
    }

    /** One page of a list, with the total count of what matched. */
    public record PageView<T>(List<T> items, long total, int page, int size) {
        static <E, T> PageView<T> of(org.campusproctor.application.Page<E> page, java.util.function.Function<E, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.total(), page.page(), page.size());
        }
    }

    @Inject
    private ExamAuthoring authoring;

    @Inject
    private QuestionBankFiles bankFiles;

    /** How many questions an import added. */
    public record QuestionsImported(int imported) {
    }

    /** The exam's questions with their keys as a question-bank file (a download). */
    @GET
    @Path("{id}/questions/file")
    public Response exportQuestions(@PathParam("id") String examId) {
        byte[] file = bankFiles.export(examId); // 404 for an unknown exam: the id below is a real one
        return Response.ok(file).header("Content-Disposition", "attachment; filename=\"questions-" + examId + ".json\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** Adds a question-bank file's questions to a draft exam: all, or none with the first bad one named (400). */
    @POST
    @Path("{id}/questions/file")
    public QuestionsImported importQuestions(@PathParam("id") String examId, java.io.InputStream body) throws java.io.IOException {
        byte[] file = body == null ? new byte[0] : body.readNBytes(QuestionBankFiles.MAX_BYTES + 1);
        return new QuestionsImported(bankFiles.importFile(examId, file));
    }

    /** Exams whose title or id contains the query, newest first, a page at a time. */
    @GET
    public PageView<ExamSummary> list(@jakarta.ws.rs.QueryParam("query") String query,
                                      @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                                      @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size) {
        return PageView.of(authoring.exams(query, page, size), ExamSummary::of);
    }

    /** The exam's registrations whose candidate contains the query, a page at a time. */
    @GET
    @Path("{id}/registrations")
    public PageView<RegistrationView> registrations(@PathParam("id") String examId,
                                                    @jakarta.ws.rs.QueryParam("query") String query,
                                                    @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                                                    @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size) {
        return PageView.of(desk.registrations(examId, query, page, size), RegistrationView::of);
    }

    /** How long the exam's media is kept once nothing needs it: {"days": n}, or {"days": null} for the default. */
    @PUT
    @Path("{id}/media-retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExamSummary retainMedia(@PathParam("id") String examId, Requests.MediaRetention body) {
        if (body == null) {
            throw new InvalidInputException("{\"days\": n} or {\"days\": null}");
        }
        return ExamSummary.of(authoring.retainMediaFor(examId, body.days()));
    }

    /**
     * Replaces the exam's title, instructions, window, duration and passing score (all of them: a missing
     * instructions or window bound is none); once an attempt has started only what stays fair to it (409 otherwise).
     */
    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExamView changeSettings(@PathParam("id") String examId, Requests.ExamSettings body) {
        require(body != null && body.durationSeconds() != null, "title, durationSeconds and passingScore are required");
        return ExamView.of(authoring.changeSettings(examId, body.title(), body.instructions(),
                Duration.ofSeconds(body.durationSeconds()), body.availableFrom(), body.availableUntil(),
                body.passingScore()));
    }

    /** Replaces the exam's incident-threshold overrides: {"maxYawDegrees": 20, ...}, {} for the defaults. */
    @PUT
    @Path("{id}/incident-thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExamView changeIncidentThresholds(@PathParam("id") String examId, java.util.Map<String, Double> body) {
        if (body == null) {
            throw new InvalidInputException("{\"maxYawDegrees\": 20, ...}, or {} for the defaults");
        }
        return ExamView.of(authoring.changeIncidentThresholds(examId, body));
    }

    @Inject
    private RegistrationDesk desk;

    @POST
    public Response create(Requests.NewExam body) {
        require(body != null && body.durationSeconds() != null, "title, durationSeconds and passingScore are required");
        Requests.Proctoring p = body.proctoring();
        ProctoringSettings settings = p == null ? ProctoringSettings.defaults() : new ProctoringSettings(
                or(p.webcam(), true), or(p.screenRecording(), false), or(p.identityCheck(), true),
                p.frameIntervalSeconds() == null ? 10 : p.frameIntervalSeconds(),
                p.reviewRiskThreshold() == null ? 50 : p.reviewRiskThreshold(),
                p.incidentAlertCount() == null ? 3 : p.incidentAlertCount())
                .withIncidentThresholds(p.incidentThresholds());
        Exam exam = authoring.createExam(body.title(), body.instructions(), Duration.ofSeconds(body.durationSeconds()),
                body.availableFrom(), body.availableUntil(), body.passingScore(), or(body.shuffleQuestions(), false),
                or(body.shuffleChoices(), false), settings);
        return Response.status(Response.Status.CREATED).entity(ExamView.of(exam)).build();
    }

    @GET
    @Path("{id}")
    public ExamView get(@PathParam("id") String id) {
        return ExamView.of(authoring.find(id));
    }

    @POST
    @Path("{id}/questions")
    public Response addQuestion(@PathParam("id") String examId, Requests.NewQuestion body) {
        require(body != null && body.type() != null, "type, prompt and points are required");
        QuestionType type = type(body.type());
        Question q = authoring.addQuestion(examId, type, body.prompt(), body.points(), body.choices(), key(type, body));
        return Response.status(Response.Status.CREATED)
                .entity(new QuestionSummary(q.id(), q.position(), q.type().name(), q.prompt(), q.points(), q.choices())).build();
    }

    /** Corrects the key of a question (the body's type must match); completed attempts are re-scored unless FINAL. */
    /** Rewrites a question of a draft exam (same body as adding one; its type stays). */
    @PUT
    @Path("{id}/questions/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionSummary editQuestion(@PathParam("id") String examId, @PathParam("questionId") String questionId,
                                        Requests.NewQuestion body) {
        require(body != null && body.type() != null, "type, prompt and points are required");
        QuestionType type = type(body.type());
        Question q = authoring.editQuestion(examId, questionId, type, body.prompt(), body.points(), body.choices(),
                key(type, body));
        return new QuestionSummary(q.id(), q.position(), q.type().name(), q.prompt(), q.points(), q.choices());
    }

    @PUT
    @Path("{id}/questions/{questionId}/key")
    public Response changeKey(@PathParam("id") String examId, @PathParam("questionId") String questionId,
                              Requests.NewQuestion body) {
        require(body != null && body.type() != null, "type and key are required");
        ExamAuthoring.KeyChange change = authoring.changeAnswerKey(examId, questionId, key(type(body.type()), body));
        return Response.ok(new KeyChanged(change.rescoredAttempts(), change.skippedFinalAttempts())).build();
    }

    @POST
    @Path("{id}/publish")
    public ExamView publish(@PathParam("id") String id) {
        authoring.publish(id);
        return ExamView.of(authoring.find(id));
    }

    @POST
    @Path("{id}/archive")
    public ExamView archive(@PathParam("id") String id) {
        authoring.archive(id);
        return ExamView.of(authoring.find(id));
    }

    @POST
    @Path("{id}/registrations")
    public Response register(@PathParam("id") String examId, Requests.NewRegistration body) {
        require(body != null, "candidate is required");
        Registration r = desk.register(examId, body.candidate(), body.proctor(),
                body.extraTimeSeconds() == null ? 0 : body.extraTimeSeconds(), body.accommodations());
        return Response.status(Response.Status.CREATED).entity(RegistrationView.of(r)).build();
    }

    static AnswerKey key(QuestionType type, Requests.NewQuestion body) {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> AnswerKey.choices(body.correctChoices() == null ? java.util.Set.of()
                    : new HashSet<>(body.correctChoices()));
            case TRUE_FALSE -> new AnswerKey(java.util.Set.of(), body.correctBoolean(), List.of(), false, null, null);
            case SHORT_TEXT -> AnswerKey.text(body.acceptedAnswers() == null ? List.of() : body.acceptedAnswers(),
                    or(body.caseSensitive(), false));
            case NUMERIC -> new AnswerKey(java.util.Set.of(), null, List.of(), false, body.numericAnswer(),
                    body.tolerance() == null ? BigDecimal.ZERO : body.tolerance());
            case ESSAY -> AnswerKey.none();
        };
    }

    static QuestionType type(String name) {
        try {
            return QuestionType.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Question types: " + List.of(QuestionType.values()));
        }
    }

    static boolean or(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }
}
