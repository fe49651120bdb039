package org.campusproctor.vision.pipeline;

/**
 * Where the irises sit in the eyes, averaged over the visible eyes: horizontal -1 (toward the image's left eye
 * corner) .. +1 (image right), vertical -1 (up) .. +1 (down); 0,0 = centred. {@code eyes} is the number of eyes
 * used (0 when both are closed, occluded or the head is turned too far).
 */
public record Gaze(double horizontal, double vertical, int eyes) {
}
