package org.campusproctor.domain.attempt;

import org.campusproctor.domain.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the candidate's browser may report during an attempt, and how much each weighs. The server decides the
 * severity: the client only names the event, so a candidate cannot report their own events as harmless.
 */
public enum BrowserEvent {
    /** The exam page was hidden (another tab, minimised window). */
    TAB_HIDDEN(Severity.MEDIUM),
    /** Another tab was brought to the front. */
    TAB_SWITCH(Severity.MEDIUM),
    /** The exam window lost the focus. */
    WINDOW_BLUR(Severity.LOW),
    FULLSCREEN_EXIT(Severity.MEDIUM),
    COPY(Severity.LOW),
    PASTE(Severity.MEDIUM),
    CONTEXT_MENU(Severity.LOW),
    /** The developer tools seem open (window size heuristics, debugger timing). */
    DEVTOOLS_SUSPECTED(Severity.HIGH),
    MULTIPLE_DISPLAYS(Severity.HIGH),
    NETWORK_OFFLINE(Severity.LOW),
    /** The webcam permission was withdrawn or the camera stopped. */
    CAMERA_REVOKED(Severity.HIGH),
    SCREEN_SHARE_STOPPED(Severity.HIGH);

    /** Longest free-text detail a browser event may carry. */
    public static final int MAX_DETAIL_LENGTH = 1000;

    private final Severity severity;

    BrowserEvent(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The catalogued event of that name (case-insensitive); anything else is refused (400). */
    public static BrowserEvent named(String type) {
        if (type != null && type.length() <= 64) {
            try {
                return valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // not in the catalogue
            }
        }
        throw new InvalidInputException("Browser event types: " + Arrays.toString(values()));
    }
}
