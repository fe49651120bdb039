package org.campusproctor.contract.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile images built byte by byte, shared by the tests of every module that reads uploads (this module's test-jar):
 * the header reader, the frame decoder and the black-box server tests must be attacked with the same files.
 */
public final class CraftedImages {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private CraftedImages() {
    }

    /** A 1-bit grey PNG, all black: tens of KB for 20000x20000 pixels, 1.2 GB once decoded to BGR. */
    public static byte[] pngBomb(int width, int height) {
        byte[] row = new byte[1 + (width + 7) / 8];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return png(width, height, 1, 0, 0, idat.toByteArray());
    }

    /** A PNG with the given header fields and image data (none: a header a reader must judge alone). */
    public static byte[] png(long width, long height, int depth, int colourType, int interlace, byte[] imageData) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt((int) width).putInt((int) height).put((byte) depth).put((byte) colourType).put((byte) 0)
                .put((byte) 0).put((byte) interlace);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PNG_SIGNATURE);
        png.writeBytes(pngChunk("IHDR", ihdr.array()));
        png.writeBytes(pngChunk("IDAT", imageData));
        png.writeBytes(pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** The JPEG without its DQT segments: its header is sound (intake accepts it), its data undecodable. */
    public static byte[] withoutQuantisationTables(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while (p + 4 <= jpeg.length) {
            int marker = jpeg[p + 1] & 0xFF;
            int length = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if (marker == 0xDA) {
                break;
            }
            if (marker != 0xDB) {
                out.write(jpeg, p, 2 + length);
            }
            p += 2 + length;
        }
        out.write(jpeg, p, jpeg.length - p);
        return out.toByteArray();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer c = ByteBuffer.allocate(12 + data.length);
        c.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(c.array(), 4, 4 + data.length);
        return c.putInt((int) crc.getValue()).array();
    }
}
