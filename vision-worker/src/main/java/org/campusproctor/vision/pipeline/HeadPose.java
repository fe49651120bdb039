package org.campusproctor.vision.pipeline;

/**
 * Head orientation in degrees. yaw > 0: the nose points toward the image's right (the subject's left); pitch > 0:
 * looking up; roll > 0: the head tilts so that the image-right side of the face goes down (clockwise in the image).
 * {@code reprojectionError} is the RMS distance in pixels between the landmarks and the fitted model.
 */
public record HeadPose(double yaw, double pitch, double roll, double reprojectionError) {
}
