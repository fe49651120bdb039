package org.campusproctor.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One exam a candidate is registered for, as their home page lists it: when it can be taken, how it is proctored
 * (what the consent page explains), and where their attempt stands. Score and outcome only once released.
 */
public record CandidateExamView(String registrationId, String examTitle, String instructions, String availability,
                                Instant availableFrom, Instant availableUntil, long allowedSeconds,
                                boolean webcamRequired, boolean screenRecordingRequired, boolean identityCheckRequired,
                                int frameIntervalSeconds, String attemptStatus, String outcome, BigDecimal score,
                                BigDecimal maxScore) {

    /** Where the exam stands for this candidate. */
    public enum Availability { OPEN, UPCOMING, DONE, CLOSED }

    public boolean open() { return Availability.OPEN.name().equals(availability); }
    public boolean upcoming() { return Availability.UPCOMING.name().equals(availability); }
    public boolean done() { return Availability.DONE.name().equals(availability) || Availability.CLOSED.name().equals(availability); }
    public boolean started() { return attemptStatus != null; }
    /** Whole minutes allowed (rounded up), as the pages say it. */
    public long allowedMinutes() { return (allowedSeconds + 59) / 60; }
}
