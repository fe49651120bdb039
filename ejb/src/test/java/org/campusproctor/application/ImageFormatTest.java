package org.campusproctor.application;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Intake tells the format and checks the size from the image header; each refusal has its own code. */
class ImageFormatTest {

    @Test
    void theHeaderDecidesFormatAndSize() {
        assertEquals(ImageFormat.PNG, ImageFormat.of(png(640, 480), 1 << 20));
        assertRefused(FrameRejectedException.Reason.DIMENSIONS_TOO_LARGE, png(20_000, 20_000));
        assertRefused(FrameRejectedException.Reason.DIMENSIONS_TOO_SMALL, png(64, 48));
        assertRefused(FrameRejectedException.Reason.MALFORMED_IMAGE, java.util.Arrays.copyOf(png(640, 480), 20));
        assertRefused(FrameRejectedException.Reason.MALFORMED_IMAGE, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                (byte) 0xE0, 0x42, 0x42, 0x42, 0x42});
        assertRefused(FrameRejectedException.Reason.NOT_AN_IMAGE, "not a picture".getBytes());
        assertRefused(FrameRejectedException.Reason.EMPTY, new byte[0]);
        assertEquals(FrameRejectedException.Reason.TOO_LARGE, assertThrows(FrameRejectedException.class,
                () -> ImageFormat.of(png(640, 480), 10)).reason());
    }

    private static void assertRefused(FrameRejectedException.Reason reason, byte[] bytes) {
        FrameRejectedException e = assertThrows(FrameRejectedException.class, () -> ImageFormat.of(bytes, 1 << 20));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put("IHDR".getBytes())
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 12, 17);
        return b.putInt((int) crc.getValue()).array();
    }
}
