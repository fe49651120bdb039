package org.campusproctor.vision.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-frame time accounting: raw inference per model and wall time per stage, in nanoseconds. Not thread-safe. */
public final class Timings {
    private final Map<String, Long> inference = new LinkedHashMap<>();
    private final Map<String, Long> stages = new LinkedHashMap<>();

    void inference(String model, long nanos) {
        inference.merge(model, nanos, Long::sum);
    }

    void stage(String stage, long nanos) {
        stages.merge(stage, nanos, Long::sum);
    }

    public Map<String, Long> inferenceNanos() {
        return inference;
    }

    public Map<String, Long> stageNanos() {
        return stages;
    }

    public long totalInferenceNanos() {
        return inference.values().stream().mapToLong(Long::longValue).sum();
    }
}
