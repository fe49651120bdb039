package org.campusproctor.infrastructure.media;

import org.campusproctor.contract.media.UnusableImageException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThumbnailsTest {

    @Test
    void aFrameBecomesASmallJpegOfTheSameProportions() throws IOException {
        byte[] frame = image(640, 480, "jpg");
        byte[] thumb = Thumbnails.jpeg(frame, 192);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb));
        assertEquals(192, small.getWidth());
        assertEquals(144, small.getHeight());
        assertTrue(thumb.length < frame.length, thumb.length + " < " + frame.length);
        assertEquals(96, ImageIO.read(new ByteArrayInputStream(Thumbnails.jpeg(image(96, 96, "png"), 192))).getWidth(),
                "never wider than the original");
    }

    @Test
    void whatIsNoAdmittedFrameIsNeverDecoded() {
        assertThrows(UnusableImageException.class, () -> Thumbnails.jpeg(new byte[]{1, 2, 3}, 192));
        assertThrows(UnusableImageException.class, () -> Thumbnails.jpeg(image(32, 32, "png"), 192), "below the minimum size");
    }

    private static byte[] image(int w, int h, String format) {
        try {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x40);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
