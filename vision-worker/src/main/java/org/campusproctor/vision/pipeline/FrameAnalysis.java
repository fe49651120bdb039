package org.campusproctor.vision.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Everything the pipeline found in one frame, with the numbers behind it, so that any flag raised from it can be
 * explained. {@code faceCount} is null when face detection did not run on this frame.
 */
public record FrameAnalysis(int width, int height, String executionProvider, Integer faceCount,
                            List<String> stages, long elapsedMicros) {

    public String toJson() {
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
        return json.build().toString();
    }
}
