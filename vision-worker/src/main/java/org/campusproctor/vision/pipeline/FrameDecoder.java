package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.media.ImageHeader;
import org.campusproctor.contract.media.UnusableImageException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

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
        if (bytes == null || bytes.length < 8) {
            throw new CorruptFrameException("Frame has no image data");
        }
        ImageHeader header;
        try {
            header = ImageHeader.readDecodable(bytes);
        } catch (UnusableImageException e) {
            throw new CorruptFrameException(switch (e.reason()) {
                case NOT_AN_IMAGE, MALFORMED_IMAGE, UNSUPPORTED_IMAGE ->
                        "Frame bytes are not a decodable JPEG/PNG image (" + bytes.length + " bytes): " + e.getMessage();
                case DIMENSIONS_TOO_SMALL, DIMENSIONS_TOO_LARGE -> "Frame not decoded: " + e.getMessage();
            });
        }
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
}
