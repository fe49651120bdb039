package org.campusproctor.vision.pipeline;

import org.opencv.core.Mat;

/**
 * A face-identity model behind one seam: the crop and tensor before the session, the distance after it (like a DJL
 * Translator around the model). The pipeline calls {@link #embed} per face and {@link #distance} against the
 * enrolment; {@link DlibResNetEmbedder} is the one shipped.
 */
public interface FaceEmbedder {

    /** The model's name in the manifest. */
    String model();

    /**
     * The embedding of one detected face.
     * @param landmarks the face's FaceMesh points (the crop is placed from them)
     * @return null when the face gives no usable crop (e.g. the crop falls outside the image)
     */
    float[] embed(Mat bgr, FaceDetection face, FaceLandmarks landmarks, Timings timings);

    /** Distance between two embeddings of this model: small = same person. */
    double distance(float[] a, float[] b);
}
