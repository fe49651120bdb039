package org.campusproctor.vision.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** An object NanoDet found: COCO class id and name, score, box in image pixels. */
public record DetectedObject(int classId, String label, double score, Box box) implements Detection {
    public JsonObjectBuilder toJson() {
        return Json.createObjectBuilder().add("classId", classId).add("label", label)
                .add("score", FaceAnalysis.round4(score))
                .add("box", Json.createArrayBuilder().add(FaceAnalysis.round(box.x())).add(FaceAnalysis.round(box.y()))
                        .add(FaceAnalysis.round(box.width())).add(FaceAnalysis.round(box.height())));
    }
}
