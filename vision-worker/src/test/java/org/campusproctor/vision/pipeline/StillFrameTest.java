package org.campusproctor.vision.pipeline;

import org.campusproctor.vision.testdata.Clip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Still frames on real frames: a camera held still (sensor noise only) takes the analysed frame's results; the
 * clip's slow pan, a turn of the head, a face gone or a corrupt frame are analysed.
 */
class StillFrameTest {

    private static final double LIMIT = 1.0;
    private static Clip clip;

    @BeforeAll
    static void load() {
        clip = Clip.load();
    }

    /** The frame analysed as a tracking-only frame of an attempt would be, with a thumbnail kept. */
    private static StillFrame analysed(byte[] frame) {
        FrameAnalysis first = TestData.pipeline().analyse(frame);
        FrameAnalysis a = TestData.pipeline().analyse(frame, null,
                new FramePlan(first.track(), false, false, false, false, null, LIMIT));
        assertNotNull(a.thumbnail(), "a lone face followed onwards keeps a thumbnail");
        return new StillFrame(a.thumbnail(), a, 0);
    }

    private static FrameAnalysis next(StillFrame still, byte[] frame) {
        return TestData.pipeline().analyse(frame, null,
                new FramePlan(still.analysis().track(), false, false, false, false, still, LIMIT));
    }

    @Test
    void aCameraHeldStillTakesTheAnalysedFramesResults() {
        List<byte[]> copies = clip.stillCopies(30, 3, 4);
        StillFrame still = analysed(copies.get(0));
        for (byte[] copy : copies.subList(1, 4)) {
            FrameThumbnail t = new FrameDecoder().thumbnail(copy);
            assertTrue(t.difference(still.thumbnail()) < 0.5, "sensor noise alone: " + t.difference(still.thumbnail()));
            FrameAnalysis a = next(still, copy);
            assertEquals(List.of(StillFrame.REUSED), a.stages());
            assertEquals(1, a.faceCount());
            FaceAnalysis f = a.faces().get(0);
            FaceAnalysis was = still.analysis().faces().get(0);
            assertEquals(was.box(), f.box());
            assertEquals(was.pose(), f.pose());
            assertNull(f.spoof());
            assertTrue(a.inferenceMicros().isEmpty(), "no model ran");
            assertEquals(still.analysis().track(), a.track());
        }
    }

    @Test
    void theClipsSlowPanIsAnalysed() {
        StillFrame still = analysed(clip.frames().get(30));
        FrameAnalysis a = next(still, clip.frames().get(36)); // 0.2 s later: the pan moved the face by a few pixels
        assertFalse(a.reused(), a.stages().toString());
        assertTrue(a.stages().contains("track"), a.stages().toString());
        assertNotNull(a.thumbnail());
    }

    @Test
    void aTurnedHeadOrAnEmptySeatIsAnalysed() {
        StillFrame still = analysed(clip.frames().get(84));
        FrameAnalysis turned = next(still, clip.frames().get(96));
        assertFalse(turned.reused());
        assertTrue(turned.faces().get(0).pose().yaw() < -35, "yaw " + turned.faces().get(0).pose().yaw());
        FrameAnalysis empty = next(still, clip.frames().get(200));
        assertFalse(empty.reused());
        assertEquals(0, empty.faceCount());
    }

    @Test
    void aCorruptFrameIsRefusedAsWithoutAStillFrame() {
        StillFrame still = analysed(clip.frames().get(30));
        byte[] broken = new byte[64];
        assertThrows(CorruptFrameException.class, () -> next(still, broken));
    }

    @Test
    void thumbnailsOfDifferentSizesNeverMatch() {
        FrameThumbnail a = new FrameThumbnail(640, 480, 80, 60, new byte[80 * 60]);
        FrameThumbnail b = new FrameThumbnail(641, 480, 80, 60, new byte[80 * 60]);
        assertEquals(0, a.difference(new FrameThumbnail(640, 480, 80, 60, new byte[80 * 60])));
        assertEquals(Double.POSITIVE_INFINITY, a.difference(b));
        assertEquals(Double.POSITIVE_INFINITY, a.difference(a, new Box(700, 10, 20, 20)), "a region outside the frame");
    }
}
