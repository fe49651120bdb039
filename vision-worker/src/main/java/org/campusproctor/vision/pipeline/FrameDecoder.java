package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.media.ImageHeader;
import org.campusproctor.contract.media.UnusableImageException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes a JPEG/PNG frame to a BGR image and refuses what is not a usable webcam frame. The size comes from the
 * image's header ({@link ImageHeader}) before the decoder runs: an image too large to analyse is never decoded.
 */
public final class FrameDecoder {

    /** Smallest frame worth analysing; anything below is a broken capture. */
    public static final int MIN_SIDE = ImageHeader.MIN_SIDE;
    /** Largest accepted side: webcams and screens stay well below it. */
    public static final int MAX_SIDE = ImageHeader.MAX_SIDE;

    public FrameDecoder() {
        NativeLibraries.loadOpenCv();
    }

    /** @throws CorruptFrameException if the bytes are not a decodable image of acceptable size. */
    public Mat decode(byte[] bytes) {
        ImageHeader header = header(bytes);
        MatOfByte buffer = new MatOfByte(bytes);
        try {
            Mat bgr = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
            if (bgr.empty()) {
                throw new CorruptFrameException("Frame bytes are not a decodable JPEG/PNG image (" + bytes.length + " bytes)");
            }
            // the decoder honours EXIF orientation, which may swap the sides; it never changes the pixel count
            if ((long) bgr.cols() * bgr.rows() != header.pixels()) {
                String size = bgr.cols() + "x" + bgr.rows();
                bgr.release();
                throw new CorruptFrameException("Frame decoded to " + size + " pixels, its header says "
                        + header.width() + "x" + header.height());
            }
            return bgr;
        } finally {
            buffer.release();
        }
    }

    /**
     * The frame's {@link FrameThumbnail}: decoded at 1/8 scale in grey (JPEG decoders scale in the DCT domain, so
     * this costs a fifth of {@link #decode}), then reduced to at most {@link FrameThumbnail#MAX_SIDE} pixels a side.
     * The same checks as {@link #decode} on the header; EXIF orientation honoured as there.
     * @throws CorruptFrameException if the bytes are not a decodable image of acceptable size
     */
    public FrameThumbnail thumbnail(byte[] bytes) {
        ImageHeader header = header(bytes);
        MatOfByte buffer = new MatOfByte(bytes);
        Mat grey = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_REDUCED_GRAYSCALE_8);
        buffer.release();
        try {
            if (grey.empty()) {
                throw new CorruptFrameException("Frame bytes are not a decodable JPEG/PNG image (" + bytes.length + " bytes)");
            }
            double f = Math.min(1.0, (double) FrameThumbnail.MAX_SIDE / Math.max(grey.cols(), grey.rows()));
            if (f < 1) {
                Mat small = new Mat();
                Imgproc.resize(grey, small, new Size(Math.max(1, Math.round(grey.cols() * f)),
                        Math.max(1, Math.round(grey.rows() * f))), 0, 0, Imgproc.INTER_AREA);
                grey.release();
                grey = small;
            }
            byte[] pixels = new byte[grey.cols() * grey.rows()];
            grey.get(0, 0, pixels);
            // sides as decoded (EXIF orientation may swap them), in the coordinates of decode()'s image
            boolean swapped = (grey.cols() > grey.rows()) != (header.width() > header.height());
            return new FrameThumbnail(swapped ? header.height() : header.width(), swapped ? header.width() : header.height(),
                    grey.cols(), grey.rows(), pixels);
        } finally {
            grey.release();
        }
    }

    private static ImageHeader header(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            throw new CorruptFrameException("Frame has no image data");
        }
        try {
            return ImageHeader.readDecodable(bytes);
        } catch (UnusableImageException e) {
            throw new CorruptFrameException(switch (e.reason()) {
                case NOT_AN_IMAGE, MALFORMED_IMAGE, UNSUPPORTED_IMAGE ->
                        "Frame bytes are not a decodable JPEG/PNG image (" + bytes.length + " bytes): " + e.getMessage();
                case DIMENSIONS_TOO_SMALL, DIMENSIONS_TOO_LARGE -> "Frame not decoded: " + e.getMessage();
            });
        }
    }
}
