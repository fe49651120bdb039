package org.campusproctor.infrastructure.media;

import org.campusproctor.contract.media.ImageHeader;
import org.campusproctor.contract.media.UnusableImageException;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Small JPEG copies of stored frames for the proctors' tiles: a page of 200 candidates loads 200 thumbnails of a few
 * KiB, not 200 webcam frames. The size is checked from the image header before decoding (frames were admitted with the
 * same limits), so no stored file makes the server decode more than the admitted pixels.
 */
public final class Thumbnails {

    private Thumbnails() {
    }

    /** A JPEG {@code width} pixels wide (never wider than the original), proportions kept. */
    public static byte[] jpeg(byte[] image, int width) {
        ImageHeader.readDecodable(image); // throws on anything not a frame of admitted dimensions
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
            if (source == null) {
                throw new UnusableImageException(UnusableImageException.Reason.UNSUPPORTED_IMAGE, "No decoder for the stored frame");
            }
            int w = Math.min(width, source.getWidth());
            int h = Math.max(1, Math.round(source.getHeight() * (w / (float) source.getWidth())));
            BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(source, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            ImageIO.write(scaled, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
