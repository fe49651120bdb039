package org.campusproctor.interfaces.web.proctor;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.AttemptQueries;
import org.campusproctor.application.AttemptReview;
import org.campusproctor.application.AttemptView;
import org.campusproctor.application.ProctorActions;
import org.campusproctor.application.ScreenRecording;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Backs proctor/attempt.xhtml: one candidate's attempt for its proctor (timeline, incidents with their scores and
 * evidence frames, answer progress, time) and what the proctor may do to it, each with its reason, through the same
 * use cases as the API (so every action reaches the candidate's page and the audit log): message, warn, pause, resume,
 * terminate, add time, approve identity; after the exam the review: confirm or dismiss each incident, decide cleared
 * or suspicious, make it final; the screen recording's chunks, played in order by resources/proctor/recording.js.
 */
@Named
@ViewScoped
public class AttemptDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AttemptQueries queries;

    @Inject
    private ProctorActions actions;

    @Inject
    private AttemptReview review;

    @Inject
    private ScreenRecording recording;

    private String attemptId;
    private AttemptView attempt;
    private List<AttemptView.TimelineView> timeline = List.of();
    private List<ScreenRecording.ScreenChunkView> screenChunks = List.of();
    private String text;
    private String reason;
    private long seconds = 300;
    private String dismissReason;
    private String comment;

    /** f:viewAction, and after every action: the attempt as it now is. */
    public void load() {
        AttemptView read = attemptId == null ? null : PageMessages.attempt(null, () -> queries.view(attemptId));
        attempt = read;
        timeline = read == null ? List.of() : queries.timeline(attemptId);
        screenChunks = read == null ? List.of() : recording.chunks(attemptId);
    }

    public void message() {
        act("Message sent", () -> actions.message(attemptId, false, text));
    }

    public void warn() {
        act("Warning sent", () -> actions.message(attemptId, true, text));
    }

    public void pause() {
        act("Attempt paused", () -> actions.pause(attemptId, reason));
    }

    public void resume() {
        act("Attempt resumed", () -> actions.resume(attemptId));
    }

    public void terminate() {
        act("Attempt terminated", () -> actions.terminate(attemptId, reason));
    }

    public void addTime() {
        act(seconds + " s added", () -> actions.addTime(attemptId, seconds, reason));
    }

    public void approveIdentity() {
        act("Identity approved", () -> actions.verifyIdentity(attemptId));
    }

    public void confirm(String incidentId) {
        act("Incident confirmed", () -> review.confirmIncident(attemptId, incidentId));
    }

    public void dismiss(String incidentId) {
        act("Incident dismissed", () -> review.dismissIncident(attemptId, incidentId, dismissReason));
    }

    public void clear() {
        act("Decided: cleared", () -> review.clear(attemptId));
    }

    public void markSuspicious() {
        act("Decided: suspicious", () -> review.markSuspicious(attemptId, comment));
    }

    public void finalise() {
        act("Review final", () -> review.finalizeReview(attemptId));
    }

    private void act(String done, Supplier<AttemptView> useCase) {
        if (PageMessages.attempt(done, useCase) != null) {
            text = null;
            reason = null;
            dismissReason = null;
        }
        load();
    }

    /** Questions answered so far, of all. */
    public String getProgress() {
        return attempt == null ? "" : attempt.answers().stream().filter(a -> a.response() != null && !a.response().isBlank())
                .count() + " of " + attempt.questions().size() + " answered";
    }

    public boolean isRunning() {
        return attempt != null && ("IN_PROGRESS".equals(attempt.status()) || "PAUSED".equals(attempt.status()));
    }

    public boolean isInReview() {
        return attempt != null && attempt.reviewStatus() != null && !"FINAL".equals(attempt.reviewStatus());
    }

    public String clock(long s) {
        return LiveSessionPage.clockText(s);
    }

    public String getAttemptId() { return attemptId; }
    public void setAttemptId(String attemptId) { this.attemptId = attemptId; }
    public AttemptView getAttempt() { return attempt; }
    public List<AttemptView.TimelineView> getTimeline() { return timeline; }
    public List<ScreenRecording.ScreenChunkView> getScreenChunks() { return screenChunks; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public long getSeconds() { return seconds; }
    public void setSeconds(long seconds) { this.seconds = seconds; }
    public String getDismissReason() { return dismissReason; }
    public void setDismissReason(String dismissReason) { this.dismissReason = dismissReason; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
