package org.campusproctor.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.attempt.Answer;
import org.campusproctor.domain.attempt.AnswerRevision;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.attempt.Incident;
import org.campusproctor.domain.attempt.TimelineEntry;
import org.campusproctor.domain.audit.AuditEntry;
import org.campusproctor.domain.identity.UserAccount;
import org.campusproctor.domain.job.JobFile;
import org.campusproctor.domain.job.JobReportLine;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.ReanalysedFrame;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything held about one candidate, as a zip archive (their data-access request), and its erasure. Erasure removes
 * what the retention rules allow now and records, item by item in the job's report, what stays and why:
 * <ul>
 *     <li>goes: frames and recordings of attempts whose review is FINAL unless an incident cites them; enrolment
 *     photos of closed registrations; accommodations of closed registrations; the display name and password (the
 *     account is disabled);</li>
 *     <li>stays: media of attempts not FINAL and incident evidence (a review or an appeal may still need them), the
 *     results (answers, scores, decisions: the academic record), the audit log (append-only, the record of who did
 *     what) and the username, which keys those records.</li>
 * </ul>
 * Only the candidate-data jobs call this, for the staff member who started them.
 */
@Stateless
public class CandidateData {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MediaStore store;

    @Inject
    private TransactionalMedia media;

    @Inject
    private JobFileStore files;

    @Inject
    private AuditLog audit;

    /** Writes the archive as a job file; returns how many entries it holds. */
    public int export(String username, long jobInstanceId, String actor) {
        UserAccount account = account(username);
        List<Registration> registrations = registrations(username);
        List<ExamAttempt> attempts = attempts(username);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int entries = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            JsonObjectBuilder data = Json.createObjectBuilder()
                    .add("exportedAt", Instant.now().toString())
                    .add("account", Json.createObjectBuilder().add("username", account.username())
                            .add("displayName", account.displayName()).add("enabled", account.enabled())
                            .add("roles", Json.createArrayBuilder(account.roles().stream().map(Enum::name).toList())));
            JsonArrayBuilder regs = Json.createArrayBuilder();
            for (Registration r : registrations) {
                regs.add(Json.createObjectBuilder().add("id", r.id()).add("exam", r.examId())
                        .add("extraTimeSeconds", r.extraTime().toSeconds())
                        .add("accommodations", String.valueOf(r.accommodations()))
                        .add("registeredAt", r.registeredAt().toString()));
            }
            data.add("registrations", regs);
            JsonArrayBuilder atts = Json.createArrayBuilder();
            List<StoredMedia> mediaItems = new ArrayList<>();
            for (ExamAttempt a : attempts) {
                JsonArrayBuilder answers = Json.createArrayBuilder();
                em.createNamedQuery(Answer.OF_ATTEMPT, Answer.class).setParameter("attemptId", a.id()).getResultList()
                        .forEach(x -> answers.add(Json.createObjectBuilder().add("question", x.questionId())
                                .add("response", String.valueOf(x.response()))
                                .add("points", String.valueOf(x.awardedPoints()))
                                .add("graderComment", String.valueOf(x.graderComment()))));
                JsonArrayBuilder revisions = Json.createArrayBuilder();
                em.createNamedQuery(AnswerRevision.OF_ATTEMPT, AnswerRevision.class).setParameter("attemptId", a.id())
                        .getResultList().forEach(x -> revisions.add(Json.createObjectBuilder().add("question", x.questionId())
                                .add("response", String.valueOf(x.response())).add("savedAt", x.savedAt().toString())));
                JsonArrayBuilder incidents = Json.createArrayBuilder();
                em.createNamedQuery(Incident.OF_ATTEMPT, Incident.class).setParameter("attemptId", a.id()).getResultList()
                        .forEach(x -> incidents.add(Json.createObjectBuilder().add("type", x.type())
                                .add("severity", x.severity().name()).add("at", x.occurredAt().toString())
                                .add("dismissed", x.dismissed())));
                JsonArrayBuilder timeline = Json.createArrayBuilder();
                em.createNamedQuery(TimelineEntry.OF_ATTEMPT, TimelineEntry.class).setParameter("attemptId", a.id())
                        .getResultList().forEach(x -> timeline.add(Json.createObjectBuilder().add("at", x.at().toString())
                                .add("action", x.action()).add("detail", String.valueOf(x.detail()))));
                atts.add(Json.createObjectBuilder().add("id", a.id()).add("exam", a.examId())
                        .add("status", a.status().name()).add("score", String.valueOf(a.score()))
                        .add("maxScore", String.valueOf(a.maxScore()))
                        .add("reviewStatus", String.valueOf(a.reviewStatus()))
                        .add("reviewDecision", String.valueOf(a.reviewDecision())).add("riskScore", a.riskScore())
                        .add("answers", answers).add("answerRevisions", revisions).add("incidents", incidents)
                        .add("timeline", timeline));
                mediaItems.addAll(em.createQuery("SELECT m FROM StoredMedia m WHERE m.attemptId = :a ORDER BY m.storedAt",
                        StoredMedia.class).setParameter("a", a.id()).getResultList());
            }
            data.add("attempts", atts);
            for (Registration r : registrations) {
                mediaItems.addAll(em.createQuery("SELECT m FROM StoredMedia m WHERE m.registrationId = :r", StoredMedia.class)
                        .setParameter("r", r.id()).getResultList());
            }
            JsonArrayBuilder auditEntries = Json.createArrayBuilder();
            em.createQuery("SELECT e FROM AuditEntry e WHERE e.actor = :u OR e.targetId = :u ORDER BY e.at",
                    AuditEntry.class).setParameter("u", username).setMaxResults(100_000).getResultList()
                    .forEach(e -> auditEntries.add(Json.createObjectBuilder().add("at", e.at().toString())
                            .add("actor", e.actor()).add("action", e.action()).add("detail", String.valueOf(e.detail()))));
            data.add("auditEntries", auditEntries);
            JsonArrayBuilder mediaIndex = Json.createArrayBuilder();
            for (StoredMedia m : mediaItems) {
                String name = "media/" + m.kind().name().toLowerCase(java.util.Locale.ROOT) + "/" + m.id()
                        + (m.contentType().equals("image/png") ? ".png" : m.contentType().equals("image/jpeg") ? ".jpg" : "");
                try {
                    byte[] content = store.get(m.storageKey());
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(content);
                    zip.closeEntry();
                    entries++;
                    mediaIndex.add(Json.createObjectBuilder().add("file", name).add("sha256", m.sha256())
                            .add("capturedAt", m.capturedAt().toString()));
                } catch (MediaNotFoundException e) {
                    mediaIndex.add(Json.createObjectBuilder().add("id", m.id()).add("missing", true));
                }
            }
            data.add("media", mediaIndex);
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(data.build().toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            entries++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.write(JobFile.Purpose.CANDIDATE_DATA, "candidate-" + username + ".zip", "application/zip", bytes.toByteArray(),
                actor, jobInstanceId);
        audit.recordAs(actor, "CANDIDATE_DATA_EXPORTED", "account", username, entries + " entries, job instance " + jobInstanceId);
        return entries;
    }

    /** Erases what may go; records what stays and why in the job's report. Returns the counts. */
    public Map<String, Long> erase(String username, long jobInstanceId, String actor) {
        UserAccount account = account(username);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        long mediaDeleted = 0;
        long mediaKept = 0;
        for (ExamAttempt a : attempts(username)) {
            for (StoredMedia m : em.createQuery("SELECT m FROM StoredMedia m WHERE m.attemptId = :a", StoredMedia.class)
                    .setParameter("a", a.id()).getResultList()) {
                if (!a.reviewFinal()) {
                    mediaKept++;
                    continue;
                }
                if (cited(m.id())) {
                    kept.add("media " + m.id() + " of attempt " + a.id() + ": evidence of an incident");
                    mediaKept++;
                    continue;
                }
                em.createNamedQuery(FrameAnalysisRecord.DELETE_FOR_MEDIA).setParameter("mediaId", m.id()).executeUpdate();
                em.createNamedQuery(ReanalysedFrame.DELETE_FOR_MEDIA).setParameter("mediaId", m.id()).executeUpdate();
                em.remove(m);
                media.deleteOnCommit(m.storageKey());
                mediaDeleted++;
            }
            if (!a.reviewFinal()) {
                kept.add("media of attempt " + a.id() + ": its review is not FINAL (" + a.reviewStatus() + ")");
            }
            kept.add("results of attempt " + a.id() + " (answers, score, review decision): the academic record");
        }
        long photosDeleted = 0;
        for (Registration r : registrations(username)) {
            boolean open = attempts(username).stream().noneMatch(a -> a.registrationId().equals(r.id()) && a.reviewFinal());
            if (open) {
                kept.add("registration " + r.id() + " with its photo and accommodations: not closed (no FINAL attempt)");
                continue;
            }
            r.forgetEnrolmentPhoto();
            r.forgetAccommodations();
            em.flush();
            for (StoredMedia m : em.createQuery("SELECT m FROM StoredMedia m WHERE m.registrationId = :r AND m.kind = :k",
                    StoredMedia.class).setParameter("r", r.id()).setParameter("k", MediaKind.ENROLMENT_PHOTO).getResultList()) {
                em.remove(m);
                media.deleteOnCommit(m.storageKey());
                photosDeleted++;
            }
        }
        account.anonymise("erased candidate");
        kept.add("username " + username + ": the key of the results and audit entries that stay");
        kept.add("audit log entries: append-only record of who did what");
        long line = 1;
        for (String k : kept) {
            em.persist(new JobReportLine(Ids.newId(), jobInstanceId, line++, username, "kept: " + k, Instant.now()));
        }
        counts.put("mediaDeleted", mediaDeleted);
        counts.put("mediaKept", mediaKept);
        counts.put("photosDeleted", photosDeleted);
        counts.put("kept", (long) kept.size());
        audit.recordAs(actor, "CANDIDATE_ERASED", "account", username, counts.toString());
        return counts;
    }

    private boolean cited(String mediaId) {
        return em.createQuery("SELECT COUNT(i) FROM Incident i WHERE LOCATE(:m, i.evidenceMediaIds) > 0", Long.class)
                .setParameter("m", mediaId).getSingleResult() > 0;
    }

    private UserAccount account(String username) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class).setParameter("username", username)
                .getResultStream().findFirst()
                .orElseThrow(() -> new org.campusproctor.domain.NotFoundException("Account", username));
    }

    private List<Registration> registrations(String username) {
        return em.createQuery("SELECT r FROM Registration r WHERE r.candidate = :u ORDER BY r.registeredAt", Registration.class)
                .setParameter("u", username).getResultList();
    }

    private List<ExamAttempt> attempts(String username) {
        return em.createQuery("SELECT a FROM ExamAttempt a WHERE a.candidate = :u ORDER BY a.createdAt", ExamAttempt.class)
                .setParameter("u", username).getResultList();
    }
}
