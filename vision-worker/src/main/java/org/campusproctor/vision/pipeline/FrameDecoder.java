package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Decodes a JPEG/PNG frame to a BGR image and refuses what is not a usable webcam frame. */
public final class FrameDecoder {

    /** Smallest frame worth analysing; anything below is a broken capture. */
    public static final int MIN_SIDE = 64;
    /** Largest accepted side: webcams and screens stay well below it. */
    public static final int MAX_SIDE = 4096;

    public FrameDecoder() {
        NativeLibraries.loadOpenCv();
    }

    /** @throws CorruptFrameException if the bytes are not a decodable image of acceptable size. */
    public Mat decode(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            throw new CorruptFrameException("Frame has no image data");
        }
        MatOfByte buffer = new MatOfByte(bytes);
        try {
            Mat bgr = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
            if (bgr.empty()) {
                throw new CorruptFrameException("Frame bytes are not a decodable JPEG/PNG image (" + bytes.length + " bytes)");
            }
            if (bgr.cols() < MIN_SIDE || bgr.rows() < MIN_SIDE || bgr.cols() > MAX_SIDE || bgr.rows() > MAX_SIDE) {
                String size = bgr.cols() + "x" + bgr.rows();
                bgr.release();
                throw new CorruptFrameException("Frame size " + size + " outside " + MIN_SIDE + ".." + MAX_SIDE + " pixels");
            }
            return bgr;
        } finally {
            buffer.release();
        }
    }
}
