package org.campusproctor.contract.media;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image headers are read from crafted bytes: real encoder output, truncations, lies, rare variants and bombs. */
class ImageHeaderTest {

    // ---- what encoders produce ---------------------------------------------------------------------------------

    @Test
    void readsBaselineAndProgressiveJpeg() throws IOException {
        ImageHeader baseline = ImageHeader.readDecodable(jpeg(640, 480, BufferedImage.TYPE_3BYTE_BGR, false));
        assertEquals(new ImageHeader(ImageHeader.Format.JPEG, 640, 480, 3, 8, false), baseline);
        ImageHeader progressive = ImageHeader.readDecodable(jpeg(1280, 720, BufferedImage.TYPE_3BYTE_BGR, true));
        assertEquals(new ImageHeader(ImageHeader.Format.JPEG, 1280, 720, 3, 8, true), progressive);
        ImageHeader grey = ImageHeader.readDecodable(jpeg(320, 240, BufferedImage.TYPE_BYTE_GRAY, false));
        assertEquals(1, grey.components());
    }

    @Test
    void readsPngOfEveryColourTypeAndDepth() throws IOException {
        assertEquals(new ImageHeader(ImageHeader.Format.PNG, 640, 480, 3, 8, false),
                ImageHeader.readDecodable(imageIoPng(640, 480, BufferedImage.TYPE_3BYTE_BGR)));
        ImageHeader sixteenBit = ImageHeader.readDecodable(imageIoPng(320, 200, BufferedImage.TYPE_USHORT_GRAY));
        assertEquals(16, sixteenBit.bitDepth());
        assertEquals(4, ImageHeader.readDecodable(imageIoPng(100, 100, BufferedImage.TYPE_4BYTE_ABGR)).components());
        ImageHeader rgb16Interlaced = ImageHeader.readDecodable(png(800, 600, 16, 2, 1));
        assertEquals(new ImageHeader(ImageHeader.Format.PNG, 800, 600, 3, 16, true), rgb16Interlaced);
        assertEquals(1, ImageHeader.readDecodable(png(64, 64, 1, 3, 0)).components(), "1-bit palette");
    }

    @Test
    void aJpegWithLargeMetadataAndFillBytesBeforeItsFrameIsRead() throws IOException {
        byte[] plain = jpeg(640, 480, BufferedImage.TYPE_3BYTE_BGR, false);
        byte[] exif = new byte[60_000];
        Arrays.fill(exif, (byte) 0xFF); // 0xFF inside a segment is data, not a marker
        byte[] withApp1 = concat(Arrays.copyOf(plain, 2), new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                segment(0xE1, exif), Arrays.copyOfRange(plain, 2, plain.length));
        assertEquals(640, ImageHeader.read(withApp1).width());
    }

    // ---- bombs: the size comes from the header, nothing is decoded ---------------------------------------------

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = CraftedImages.pngBomb(20_000, 20_000);
        assertTrue(bomb.length < 100_000, "a few tens of KB: " + bomb.length);
        ImageHeader header = ImageHeader.read(bomb);
        assertEquals(20_000, header.width());
        assertEquals(400_000_000L, header.pixels());
        UnusableImageException e = assertThrows(UnusableImageException.class, header::requireDecodableSize);
        assertEquals(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("20000x20000"), e.getMessage());

        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, jpegHeader(0xC0, 8, 65_535, 65_535, 3));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, png(4097, 64, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, png(64, 4097, 8, 2, 0));
    }

    @Test
    void sidesAndPixelCountHaveLimits() {
        ImageHeader.readDecodable(png(3840, 2160, 8, 2, 0)); // 4K UHD
        ImageHeader.readDecodable(png(4096, 2048, 8, 2, 0)); // exactly MAX_PIXELS
        ImageHeader.readDecodable(png(64, 64, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, png(4096, 4096, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE, png(4096, 2049, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_SMALL, png(63, 480, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.DIMENSIONS_TOO_SMALL, jpegHeader(0xC0, 8, 640, 48, 3));
    }

    // ---- truncated and lying headers ---------------------------------------------------------------------------

    @Test
    void truncatedHeadersAreMalformed() throws IOException {
        byte[] jpeg = jpeg(640, 480, BufferedImage.TYPE_3BYTE_BGR, false);
        int sos = indexOfMarker(jpeg, 0xDA);
        for (int cut : new int[]{3, 4, 5, 20, sos, sos + 3}) {
            assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, Arrays.copyOf(jpeg, cut));
        }
        byte[] png = imageIoPng(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        for (int cut : new int[]{4, 8, 20, 32}) {
            assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, Arrays.copyOf(png, cut));
        }
    }

    @Test
    void lyingHeadersAreMalformed() throws IOException {
        byte[] png = png(640, 480, 8, 2, 0);
        byte[] widened = png.clone();
        widened[16] = 0x7F; // width changed, checksum not
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, widened);
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, png(0, 480, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, png(0x8000_0000L, 480, 8, 2, 0));
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, png(640, 480, 16, 3, 0), "16-bit palette");
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, png(640, 480, 8, 5, 0), "colour type 5");
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, png(640, 480, 8, 2, 2), "interlace 2");
        byte[] damagedSignature = png.clone();
        damagedSignature[6] = 0;
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, damagedSignature);

        byte[] jpeg = jpeg(640, 480, BufferedImage.TYPE_3BYTE_BGR, false);
        byte[] secondFrame = concat(Arrays.copyOf(jpeg, 2), sof(0xC0, 8, 20_000, 20_000, 3),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, secondFrame, "two frame headers");
        byte[] overlong = jpeg.clone();
        overlong[4] = (byte) 0xFF; // APP0 length beyond the data
        overlong[5] = (byte) 0xF0;
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, concat(Arrays.copyOf(overlong, 40)));
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE,
                concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, segment(0xDA, new byte[10]), sof(0xC0, 8, 640, 480, 3)),
                "scan before frame");
        byte[] badSof = sof(0xC0, 8, 640, 480, 3);
        badSof[4 + 6 + 1] = 0x50; // sampling factor 5
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, badSof,
                segment(0xDA, new byte[10])));
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, concat(new byte[]{(byte) 0xFF, (byte) 0xD8},
                segment(0xC0, new byte[]{8, 1, 0, 1, 0, 3}), segment(0xDA, new byte[10])), "3 components, no table");
        assertRefused(UnusableImageException.Reason.MALFORMED_IMAGE, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                (byte) 0xD9}, "end before any frame");
    }

    @Test
    void variantsNoWebcamProducesAreUnsupported() {
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC3, 8, 640, 480, 3), "lossless");
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC9, 8, 640, 480, 3), "arithmetic");
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC5, 8, 640, 480, 3), "hierarchical");
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC1, 12, 640, 480, 3), "12-bit");
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC2, 8, 640, 480, 4), "CMYK");
        assertRefused(UnusableImageException.Reason.UNSUPPORTED_IMAGE, jpegHeader(0xC0, 8, 640, 0, 3), "DNL height");
        ImageHeader progressive = ImageHeader.readDecodable(jpegHeader(0xC2, 8, 640, 480, 3));
        assertTrue(progressive.progressive());
        assertFalse(ImageHeader.readDecodable(jpegHeader(0xC1, 8, 640, 480, 1)).progressive());
    }

    @Test
    void whatIsNeitherFormatIsNotAnImage() {
        assertRefused(UnusableImageException.Reason.NOT_AN_IMAGE, new byte[0]);
        assertRefused(UnusableImageException.Reason.NOT_AN_IMAGE, "GIF89a....".getBytes());
        assertRefused(UnusableImageException.Reason.NOT_AN_IMAGE, new byte[]{(byte) 0xFF, (byte) 0xD8});
    }

    @Test
    void damagedBytesOnlyEverFailAsUnusableImages() throws IOException {
        Random random = new Random(42);
        byte[][] originals = {jpeg(320, 240, BufferedImage.TYPE_3BYTE_BGR, false),
                jpeg(320, 240, BufferedImage.TYPE_3BYTE_BGR, true), imageIoPng(320, 240, BufferedImage.TYPE_3BYTE_BGR)};
        for (int i = 0; i < 20_000; i++) {
            byte[] original = originals[i % originals.length];
            byte[] damaged = Arrays.copyOf(original, 2 + random.nextInt(Math.min(original.length, 800)));
            for (int flips = damaged.length > 2 ? random.nextInt(4) : 0; flips > 0; flips--) {
                int at = 2 + random.nextInt(damaged.length - 2);
                damaged[at] = (byte) random.nextInt(256);
            }
            try {
                ImageHeader header = ImageHeader.read(damaged);
                assertTrue(header.width() > 0 && header.height() > 0, header.toString());
            } catch (UnusableImageException expected) {
                // the only way to fail
            }
        }
    }

    // ---- crafting -----------------------------------------------------------------------------------------------

    private static void assertRefused(UnusableImageException.Reason reason, byte[] bytes) {
        assertRefused(reason, bytes, "");
    }

    private static void assertRefused(UnusableImageException.Reason reason, byte[] bytes, String what) {
        UnusableImageException e = assertThrows(UnusableImageException.class, () -> ImageHeader.readDecodable(bytes), what);
        assertEquals(reason, e.reason(), what + ": " + e.getMessage());
    }

    static byte[] jpeg(int width, int height, int type, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        image.getGraphics().fillOval(width / 4, height / 4, width / 2, height / 2);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] imageIoPng(int width, int height, int type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(new BufferedImage(width, height, type), "png", out));
        return out.toByteArray();
    }

    /** SOI, one frame header, an empty scan header: enough for the header reader. */
    private static byte[] jpegHeader(int sofMarker, int precision, int width, int height, int components) {
        return concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, sof(sofMarker, precision, width, height, components),
                segment(0xDA, new byte[]{1, 1, 0, 0, 63, 0}), new byte[]{(byte) 0xFF, (byte) 0xD9});
    }

    private static byte[] sof(int marker, int precision, int width, int height, int components) {
        ByteBuffer body = ByteBuffer.allocate(6 + 3 * components);
        body.put((byte) precision).putShort((short) height).putShort((short) width).put((byte) components);
        for (int c = 0; c < components; c++) {
            body.put((byte) (c + 1)).put((byte) 0x11).put((byte) 0);
        }
        return segment(marker, body.array());
    }

    private static byte[] segment(int marker, byte[] body) {
        ByteBuffer s = ByteBuffer.allocate(4 + body.length);
        s.put((byte) 0xFF).put((byte) marker).putShort((short) (body.length + 2)).put(body);
        return s.array();
    }

    private static int indexOfMarker(byte[] b, int marker) {
        for (int i = 2; i < b.length - 1; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + marker);
    }

    /** Signature and IHDR (with its checksum), one empty IDAT, IEND. */
    static byte[] png(long width, long height, int depth, int colourType, int interlace) {
        return CraftedImages.png(width, height, depth, colourType, interlace, new byte[0]);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
