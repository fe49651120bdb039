package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.media.CraftedImages;
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

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = CraftedImages.pngBomb(20_000, 20_000); // 48 KB, 1.2 GB once decoded to BGR
        long start = System.nanoTime();
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> decoder.decode(bomb));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().startsWith("Frame not decoded: PNG of 20000x20000 pixels"), e.getMessage());
        assertTrue(millis < 500, "refused from the header, not after decoding: " + millis + " ms");
        assertThrows(CorruptFrameException.class, () -> decoder.decode(encode(4096, 4096, ".png")), "16.7 megapixels");
        assertEquals(4096 * 2048, decoder.decode(encode(4096, 2048, ".jpg")).total(), "8.4 megapixels decode");
    }

    @Test
    void decodesProgressiveJpegAndSixteenBitPng() {
        MatOfByte progressive = new MatOfByte();
        assertTrue(Imgcodecs.imencode(".jpg", new Mat(480, 640, CvType.CV_8UC3, new Scalar(10, 20, 30)), progressive,
                new org.opencv.core.MatOfInt(Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)));
        assertEquals(640, decoder.decode(progressive.toArray()).cols());
        MatOfByte deep = new MatOfByte();
        assertTrue(Imgcodecs.imencode(".png", new Mat(240, 320, CvType.CV_16UC3, new Scalar(1000, 30000, 65535)), deep));
        Mat bgr = decoder.decode(deep.toArray());
        assertEquals(CvType.CV_8UC3, bgr.type(), "16-bit samples come out as 8-bit BGR");
        assertEquals(255.0, bgr.get(0, 0)[2], 0.0);
    }

    @Test
    void aJpegWithAValidHeaderButNoQuantisationTableIsNotDecodable() {
        byte[] jpeg = CraftedImages.withoutQuantisationTables(encode(320, 240, ".jpg"));
        assertEquals(320, org.campusproctor.contract.media.ImageHeader.read(jpeg).width(), "the header is fine");
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> decoder.decode(jpeg));
        assertTrue(e.getMessage().contains("not a decodable"), e.getMessage());
    }
}
