package org.campusproctor.infrastructure.batch;

import org.campusproctor.application.FrameReanalysis;

import java.time.Instant;

/** The re-analysis job's parameters as the application's scope (one of exam and attempt is set). */
final class ReanalysisScope {

    private ReanalysisScope() {
    }

    static FrameReanalysis.Scope of(String exam, String attempt, String storedBefore) {
        return new FrameReanalysis.Scope(blankToNull(exam), blankToNull(attempt),
                Instant.ofEpochMilli(Long.parseLong(storedBefore)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
