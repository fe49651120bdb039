package org.campusproctor.it;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Frames for the tests: real photographs from test resources, or synthetic images where content does not matter. */
final class TestImages {

    private TestImages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /frames/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the project, e.g. one of the weights' test photographs (relative to the ear module). */
    static byte[] file(String path) {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] syntheticJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 120, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 3, height / 4, width / 3, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG without its DQT segments: its header is sound, its data undecodable. */
    static byte[] withoutQuantisationTables(byte[] jpeg) {
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

    /** A 1-bit grey PNG, all black: about 48 KB for 20000x20000 pixels, 1.2 GB once decoded to BGR. */
    static byte[] pngBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
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
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(chunk("IHDR", ihdr.array()));
        png.writeBytes(chunk("IDAT", idat.toByteArray()));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer c = ByteBuffer.allocate(12 + data.length);
        c.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(c.array(), 4, 4 + data.length);
        return c.putInt((int) crc.getValue()).array();
    }
}
