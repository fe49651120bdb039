package org.campusproctor.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame's analysis reaches the proctor's live view within a second: one candidate streams a frame a second for ten
 * seconds through the load generator ({@link FrameLoad}, which sets up its own accounts and exam through the API);
 * every analysis arrives on the proctor's feed, and the time from the recorded analysis to its arrival on the
 * proctor's socket stays under a second. The load figures come from the same code: ear/src/test/load/frame-load.sh.
 */
class FeedLatencyIT {

    private static FrameLoad.Options run(int candidates, int seconds) {
        return run(candidates, seconds, false);
    }

    private static FrameLoad.Options run(int candidates, int seconds, boolean keepRunning) {
        return new FrameLoad.Options(Server.BASE, "admin", "demo-admin", Scenario.unique("it-load"), candidates, 1,
                seconds, 1.0, 0, false, 120, Path.of("target/load"), false, keepRunning);
    }

    @Test
    void everyAnalysisReachesTheProctorWithinASecondOfBeingAnalysed() throws Exception {
        FrameLoad.run(run(1, 2)); // the models are loaded at the first frame: not what this measures
        FrameLoad.Report report = FrameLoad.run(run(1, 10));
        System.out.println("feed latency " + Server.DB + ": " + report);
        assertTrue(report.accepted() >= 5, report.toString());
        assertEquals(0, report.lost(), report.toString());
        assertEquals(0, report.errors(), report.toString());
        assertEquals(report.accepted(), report.uploadToProctor().samples(), report.toString());
        assertTrue(report.recordedToProctor().samples() > 0 && report.recordedToProctor().p50() < 1_000, report.toString());
        assertTrue(report.stageShare().getOrDefault("detect", 0.0) > 0, "the reports say which stages ran: " + report);
    }

    /**
     * The load figures, on request ({@code -Dit.feed.load=true -Dit.frames.max-pending=400}): 50 candidates streaming,
     * then the live session page with 200 tiles on one page, rendered by the server and by Chromium (as the admin,
     * who sees every attempt).
     */
    @Test
    void loadFigures() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("it.feed.load"), "load figures only with -Dit.feed.load=true");
        FrameLoad.run(run(1, 2));
        System.out.println("feed latency, 1 candidate: " + FrameLoad.run(run(1, 30)));
        FrameLoad.Report fifty = FrameLoad.run(run(50, 30));
        System.out.println("feed latency, 50 candidates: " + fifty);
        String exam = FrameLoad.run(run(200, 1, true)).examId(); // running attempts: live tiles
        Client admin = Scenario.admin();
        String page = "/proctor/session.xhtml?exam=" + exam + "&rows=" + 200;
        admin.get(page); // warm the view
        List<Long> renders = new ArrayList<>();
        String body = "";
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            body = admin.get(page).body();
            renders.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        Collections.sort(renders);
        System.out.printf("live session page with %d tiles on one page: server render median %d ms (of 5), %d KiB of HTML%n",
                body.split("class=\"cp-tile ", -1).length - 1, renders.get(2), body.length() / 1024);
        try (Browser browser = Browser.open("tiles-200")) {
            browser.logIn("admin", "demo-admin");
            browser.go(page);
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
