package org.campusproctor.vision.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * How to feed one model, as weights/manifest.json describes it: the file, the input tensor, its layout and colour
 * order, and the pixel normalisation {@code value = (pixel - mean[c]) / std[c]} per channel (in the model's colour
 * order). A {@code value_range [lo, hi]} in the manifest is the same thing with mean = -lo*255/(hi-lo) and
 * std = 255/(hi-lo). {@code cropScale}: the manifest's crop scale around the face box, where it gives one.
 */
public record ModelSpec(String name, Path file, String inputName, int width, int height, boolean nchw, boolean bgr,
                        float[] mean, float[] std, List<Output> outputs,
                        Double cropScale) {

    /** An output tensor: name, shape without the batch dimension, and the TF signature key where the manifest has one. */
    public record Output(String name, List<Integer> shape, String signatureKey) {
        public int elements() {
            return shape.stream().reduce(1, (x, y) -> x * y);
        }
    }

    public List<String> outputNames() {
        return outputs.stream().map(Output::name).toList();
    }

    /** The output with this signature key. */
    public String outputByKey(String key) {
        return outputs.stream().filter(o -> key.equals(o.signatureKey())).map(Output::name).findFirst()
                .orElseThrow(() -> new ModelUnavailableException(name + ": no output with signature key " + key + " in " + outputs));
    }


    /** Normalised value of an 8-bit pixel channel {@code c} (in the model's colour order). */
    public float normalise(int pixel, int c) {
        return (pixel - mean[c]) / std[c];
    }
}
