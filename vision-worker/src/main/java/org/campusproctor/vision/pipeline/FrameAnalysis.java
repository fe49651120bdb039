package org.campusproctor.vision.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline found in one frame, with the numbers behind it, so that any flag raised from it can be
 * explained. {@code faceCount} is null when face detection did not run on this frame; {@code objects} is null when
 * object detection did not run. {@code rejectedFaces}: detections FaceMesh did not confirm as faces (kept as evidence,
 * not counted).
 */
public record FrameAnalysis(int width, int height, String executionProvider, Integer faceCount,
                            List<String> stages, long elapsedMicros, List<FaceAnalysis> faces,
                            List<FaceAnalysis> rejectedFaces, List<DetectedObject> objects, Map<String, Long> inferenceMicros) {

    public FrameAnalysis(int width, int height, String executionProvider, Integer faceCount, List<String> stages,
                         long elapsedMicros) {
        this(width, height, executionProvider, faceCount, stages, elapsedMicros, List.of(), List.of(), null, Map.of());
    }

    public JsonObjectBuilder toJsonBuilder() {
        JsonArrayBuilder stageArray = Json.createArrayBuilder();
        stages.forEach(stageArray::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("width", width)
                .add("height", height)
                .add("executionProvider", executionProvider)
                .add("stages", stageArray)
                .add("elapsedMicros", elapsedMicros);
        if (faceCount != null) {
            json.add("faceCount", faceCount);
        } else {
            json.addNull("faceCount");
        }
        JsonArrayBuilder faceArray = Json.createArrayBuilder();
        faces.forEach(f -> faceArray.add(f.toJson()));
        json.add("faces", faceArray);
        if (!rejectedFaces.isEmpty()) {
            JsonArrayBuilder rejectedArray = Json.createArrayBuilder();
            rejectedFaces.forEach(f -> rejectedArray.add(f.toJson()));
            json.add("rejectedFaces", rejectedArray);
        }
        if (objects != null) {
            JsonArrayBuilder objectArray = Json.createArrayBuilder();
            objects.forEach(o -> objectArray.add(o.toJson()));
            json.add("objects", objectArray);
        }
        JsonObjectBuilder inference = Json.createObjectBuilder();
        inferenceMicros.forEach(inference::add);
        json.add("inferenceMicros", inference);
        return json;
    }

    public String toJson() {
        return toJsonBuilder().build().toString();
    }
}
