package org.campusproctor.vision.pipeline;

/** An object NanoDet found: COCO class id and name, score, box in image pixels. */
public record DetectedObject(int classId, String label, double score, Box box) implements Detection {
}
