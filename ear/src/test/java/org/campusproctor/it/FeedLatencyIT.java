package org.campusproctor.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame's analysis reaches the proctor's live view within a second: one candidate streams a frame a second for ten
 * seconds; every analysis arrives on the proctor's feed, and the time from the recorded analysis to its arrival on the
 * proctor's socket stays under a second. The load figures (50 candidates, 200 tiles) come
 * from the same code: ear/src/test/load/feed-latency.sh.
 */
class FeedLatencyIT {

    @Test
    void everyAnalysisReachesTheProctorWithinASecondOfBeingAnalysed() throws Exception {
        FeedLatency.measure(1, 2); // the models are loaded at the first frame: not what this measures
        FeedLatency.Summary summary = FeedLatency.measure(1, 10);
        System.out.println("feed latency " + Server.DB + ": " + summary);
        assertTrue(summary.accepted() >= 5, summary.toString());
        assertEquals(0, summary.lost(), summary.toString());
        assertTrue(summary.medianAfterRecording() < 1_000, summary.toString());
    }

    /**
     * The load figures, on request ({@code -Dit.feed.load=true -Dit.frames.max-pending=400}): 50 candidates streaming,
     * then the live session page with 200 tiles on one page, rendered by the server and by Chromium.
     */
    @Test
    void loadFigures() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("it.feed.load"), "load figures only with -Dit.feed.load=true");
        FeedLatency.measure(1, 2);
        FeedLatency.Summary one = FeedLatency.measure(1, 30);
        System.out.println("feed latency, 1 candidate: " + one);
        FeedLatency.Summary fifty = FeedLatency.measure(50, 30);
        System.out.println("feed latency, 50 candidates: " + fifty);
        System.out.println(FeedLatency.renderTiles(fifty.examId(), 150));
        try (Browser browser = Browser.open("tiles-200")) {
            browser.logIn("proctor", "demo-proctor");
            browser.go("/proctor/session.xhtml?exam=" + fifty.examId() + "&rows=200");
            browser.waitFor(d -> browser.findAll(".cp-tile").size() == 200, java.time.Duration.ofSeconds(60));
            Object timing = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                    + " return 'responseEnd ' + Math.round(n.responseEnd) + ' ms, DOMContentLoaded ' + Math.round(n.domContentLoadedEventEnd)"
                    + " + ' ms, load (thumbnails included) ' + Math.round(n.loadEventEnd) + ' ms';");
            System.out.println("live session page with 200 tiles in Chromium: " + timing);
            browser.screenshot("200-tiles");
        }
        assertEquals(0, fifty.lost(), fifty.toString());
    }
}
