package org.campusproctor.vision.pipeline;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();

    private static byte[] encode(int w, int h, String ext) {
        Mat image = new Mat(h, w, CvType.CV_8UC3, new Scalar(40, 120, 200));
        MatOfByte out = new MatOfByte();
        assertTrue(Imgcodecs.imencode(ext, image, out));
        return out.toArray();
    }

    @Test
    void decodesJpegAndPngToBgr() {
        Mat jpeg = decoder.decode(encode(640, 480, ".jpg"));
        assertEquals(640, jpeg.cols());
        assertEquals(480, jpeg.rows());
        assertEquals(3, jpeg.channels());
        Mat png = decoder.decode(encode(320, 240, ".png"));
        assertEquals(320, png.cols());
        assertEquals(200.0, png.get(0, 0)[2], 0.0, "red channel stays third: BGR order");
    }

    @Test
    void refusesBytesThatAreNotAnImage() {
        byte[] garbage = new byte[5000];
        Arrays.fill(garbage, (byte) 0x5A);
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> decoder.decode(garbage));
        assertTrue(e.getMessage().contains("not a decodable"), e.getMessage());
    }

    @Test
    void refusesTruncatedHeaderAndTinyFrames() {
        byte[] jpeg = encode(640, 480, ".jpg");
        assertThrows(CorruptFrameException.class, () -> decoder.decode(Arrays.copyOf(jpeg, 20)));
        assertThrows(CorruptFrameException.class, () -> decoder.decode(encode(32, 32, ".jpg")));
        assertThrows(CorruptFrameException.class, () -> decoder.decode(null));
    }
}
