package org.campusproctor.application;

import org.campusproctor.domain.InvalidInputException;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.exam.ExamStatus;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;
import org.campusproctor.domain.job.JobReportLine;
import org.campusproctor.domain.registration.Registration;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The enrolment import's use case, one chunk of rows at a time in the chunk's transaction: each row becomes a
 * candidate account (created without a password when the username is new) and a registration for the exam, with its
 * allowances and enrolment photo. A row whose registration exists already changes nothing, so importing the same
 * file again adds nothing. A row that cannot be applied (unknown or archived exam, a username of staff, a missing or
 * unusable photo, or a format fault found before) is recorded as rejected with its line and reason; nothing of it is
 * written. Only the enrolment-import job calls this, on behalf of the registrar who started it.
 */
@Stateless
public class EnrolmentImport {

    /** One CSV row as the job read and checked it; {@code rejectReason} set when its format is already wrong. */
    public record Row(long line, String username, String displayName, String examId, long extraTimeMinutes,
                      String accommodations, String photo, String rejectReason) implements java.io.Serializable {

        public static Row rejected(long line, String item, String reason) {
            return new Row(line, item, null, null, 0, null, null, reason);
        }

        String item() {
            return username == null ? null : examId == null ? username : username + " → " + examId;
        }
    }

    public static final String ACCOUNTS_CREATED = "accountsCreated";
    public static final String REGISTRATIONS_CREATED = "registrationsCreated";
    public static final String PHOTOS_STORED = "photosStored";
    public static final String UNCHANGED = "unchanged";
    public static final String REJECTED = "rejected";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Accounts accounts;

    @Inject
    private EnrolmentPhotos photos;

    @Inject
    private AuditLog audit;

    /**
     * Applies the rows; returns the counts of what it did.
     *
     * @param photoBytes a photo's bytes by its name in the uploaded zip, empty when the zip has none of that name
     */
    public Map<String, Long> apply(long jobInstanceId, String actor, List<Row> rows,
                                   Function<String, Optional<byte[]>> photoBytes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : List.of(ACCOUNTS_CREATED, REGISTRATIONS_CREATED, PHOTOS_STORED, UNCHANGED, REJECTED)) {
            counts.put(k, 0L);
        }
        Map<String, Exam> exams = new HashMap<>();
        Instant now = Instant.now();
        for (Row row : rows) {
            String reason = row.rejectReason() != null ? row.rejectReason() : apply(row, actor, exams, photoBytes, counts, now);
            if (reason != null) {
                em.persist(new JobReportLine(Ids.newId(), jobInstanceId, row.line(), row.item(), reason, now));
                counts.merge(REJECTED, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Applies one well-formed row; returns why it was rejected, or null. */
    private String apply(Row row, String actor, Map<String, Exam> exams, Function<String, Optional<byte[]>> photoBytes,
                         Map<String, Long> counts, Instant now) {
        Exam exam = exams.computeIfAbsent(row.examId(), id -> em.find(Exam.class, id));
        if (exam == null) {
            return "unknown exam " + row.examId();
        }
        if (exam.status() == ExamStatus.ARCHIVED) {
            return "exam " + row.examId() + " is archived";
        }
        Optional<UserAccount> account = accounts.find(row.username());
        if (account.isPresent() && !account.get().hasRole(Role.CANDIDATE)) {
            return "username " + row.username() + " belongs to an account that is not a candidate's";
        }
        if (account.isPresent() && !em.createNamedQuery(Registration.BY_EXAM_AND_CANDIDATE, Registration.class)
                .setParameter("examId", exam.id()).setParameter("candidate", row.username()).getResultList().isEmpty()) {
            counts.merge(UNCHANGED, 1L, Long::sum);
            return null;
        }
        byte[] photo = null;
        if (row.photo() != null) {
            Optional<byte[]> bytes = photoBytes.apply(row.photo());
            if (bytes.isEmpty()) {
                return "photo " + row.photo() + " is not in the photos archive";
            }
            try {
                photos.check(bytes.get());
            } catch (FrameRejectedException e) {
                return "photo " + row.photo() + " refused: " + e.reason() + " " + e.getMessage();
            }
            photo = bytes.get();
        }
        if (account.isEmpty()) {
            accounts.createWithoutPassword(row.username(), row.displayName(), EnumSet.of(Role.CANDIDATE));
            audit.recordAs(actor, "ACCOUNT_CREATED", "account", row.username(), "roles=[CANDIDATE] by enrolment import");
            counts.merge(ACCOUNTS_CREATED, 1L, Long::sum);
        }
        Registration registration = new Registration(Ids.newId(), exam.id(), row.username(), null,
                Duration.ofMinutes(row.extraTimeMinutes()), row.accommodations(), actor, now);
        em.persist(registration);
        audit.recordAs(actor, "CANDIDATE_REGISTERED", "registration", registration.id(), "exam=" + exam.id()
                + " candidate=" + row.username() + " extraTime=" + row.extraTimeMinutes() * 60 + "s by enrolment import");
        counts.merge(REGISTRATIONS_CREATED, 1L, Long::sum);
        if (photo != null) {
            em.flush(); // the registration's row before the photo's, which refers to it
            try {
                photos.record(registration, photo, actor, "enrolment import");
            } catch (InvalidInputException refused) {
                // the row's account and registration stand; the photo can be uploaded again by a registrar
                return "registered without photo " + row.photo() + ": " + refused.getMessage();
            }
            counts.merge(PHOTOS_STORED, 1L, Long::sum);
        }
        return null;
    }
}
