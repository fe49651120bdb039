package org.campusproctor.domain.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.campusproctor.domain.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A candidate registered for an exam, with the proctor who watches them and their allowances. Extra time is part of
 * the attempt's allowed time from the start (like an accommodation letter), unlike a proctor's extension.
 */
@Entity
@Table(name = "registration")
@NamedQuery(name = Registration.BY_EXAM_AND_CANDIDATE,
        query = "SELECT r FROM Registration r WHERE r.examId = :examId AND r.candidate = :candidate")
@NamedQuery(name = Registration.WITH_ENROLMENT_PHOTO,
        query = "SELECT r FROM Registration r WHERE r.enrolmentMediaId = :mediaId")
public class Registration {

    public static final String BY_EXAM_AND_CANDIDATE = "Registration.byExamAndCandidate";
    public static final String WITH_ENROLMENT_PHOTO = "Registration.withEnrolmentPhoto";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "exam_id", nullable = false, updatable = false, length = 36)
    private String examId;

    @Column(nullable = false, updatable = false, length = 100)
    private String candidate;

    @Column(length = 100)
    private String proctor;

    @Column(name = "extra_time_seconds", nullable = false)
    private long extraTimeSeconds;

    private String accommodations;

    /** The candidate's enrolment photo in the media index (the face-match reference), or null. */
    @Column(name = "enrolment_media_id", length = 36)
    private String enrolmentMediaId;

    @Column(name = "registered_by", nullable = false, updatable = false, length = 100)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Registration() {
        // for JPA
    }

    public Registration(String id, String examId, String candidate, String proctor, Duration extraTime,
                        String accommodations, String registeredBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.examId = Objects.requireNonNull(examId);
        this.candidate = Objects.requireNonNull(candidate);
        this.proctor = proctor;
        changeAllowances(extraTime, accommodations);
        this.registeredBy = registeredBy;
        this.registeredAt = now;
    }

    public void changeAllowances(Duration extraTime, String accommodations) {
        long seconds = extraTime == null ? 0 : extraTime.toSeconds();
        if (seconds < 0) {
            throw new InvalidInputException("Extra time cannot be negative");
        }
        this.extraTimeSeconds = seconds;
        this.accommodations = accommodations;
    }

    /** Replaces the enrolment photo (the previous one stays in the media store for the audit trail). */
    public void recordEnrolmentPhoto(String mediaId) {
        this.enrolmentMediaId = Objects.requireNonNull(mediaId);
    }

    /** Erasure: accommodations may describe health; they go once the registration is closed. */
    public void forgetAccommodations() {
        this.accommodations = null;
    }

    /** Media retention purged the photo of this closed registration. */
    public void forgetEnrolmentPhoto() {
        this.enrolmentMediaId = null;
    }

    public void assignProctor(String proctor) {
        this.proctor = proctor;
    }

    public String id() { return id; }
    public String examId() { return examId; }
    public String candidate() { return candidate; }
    public String proctor() { return proctor; }
    public Duration extraTime() { return Duration.ofSeconds(extraTimeSeconds); }
    public String accommodations() { return accommodations; }
    public String enrolmentMediaId() { return enrolmentMediaId; }
    public String registeredBy() { return registeredBy; }
    public Instant registeredAt() { return registeredAt; }
}
