package org.campusproctor.vision.pipeline;

/**
 * A small grey copy of a frame (at most {@link #MAX_SIDE} pixels a side), decoded at 1/8 scale straight from the
 * JPEG's DCT coefficients ({@link FrameDecoder#thumbnail}): a fifth of the cost of a full decode. Averaging 8x8
 * pixels also averages webcam sensor noise away, so two thumbnails of a still scene differ by well under one grey
 * level while a face that moves by two pixels changes its region by several.
 *
 * @param frameWidth  width of the frame it was made from, in pixels (as its header says)
 * @param frameHeight height of that frame
 */
public record FrameThumbnail(int frameWidth, int frameHeight, int width, int height, byte[] grey) {

    /** Longest side kept: 80x60 for a 640x480 webcam frame (4.8 KB per attempt). */
    public static final int MAX_SIDE = 80;

    /** Mean absolute grey difference over the whole frame; infinite when the frames differ in size. */
    public double difference(FrameThumbnail other) {
        return difference(other, 0, 0, width, height);
    }

    /** The same over a region of the frame (frame pixels, clipped to the frame). */
    public double difference(FrameThumbnail other, Box region) {
        double kx = (double) width / frameWidth;
        double ky = (double) height / frameHeight;
        int x0 = (int) Math.floor(Math.max(0, region.x() * kx));
        int y0 = (int) Math.floor(Math.max(0, region.y() * ky));
        int x1 = (int) Math.ceil(Math.min(width, (region.x() + region.width()) * kx));
        int y1 = (int) Math.ceil(Math.min(height, (region.y() + region.height()) * ky));
        return difference(other, x0, y0, x1, y1);
    }

    private double difference(FrameThumbnail other, int x0, int y0, int x1, int y1) {
        if (other.frameWidth != frameWidth || other.frameHeight != frameHeight || other.width != width
                || other.height != height) {
            return Double.POSITIVE_INFINITY;
        }
        if (x1 <= x0 || y1 <= y0) {
            return Double.POSITIVE_INFINITY; // an empty region proves nothing
        }
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0, i = y * width + x0; x < x1; x++, i++) {
                sum += Math.abs((grey[i] & 0xFF) - (other.grey[i] & 0xFF));
            }
        }
        return (double) sum / ((long) (x1 - x0) * (y1 - y0));
    }
}
