package org.campusproctor.vision.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One model session, opened once and shared by all threads (ONNX Runtime sessions may be run concurrently), with
 * the manifest's preprocessing: BGR 8-bit crop of the model's input size → normalised float tensor.
 */
public final class OnnxModel implements AutoCloseable {

    private final ModelSpec spec;
    private final InferenceRuntime runtime;
    private final OrtSession session;

    public OnnxModel(InferenceRuntime runtime, ModelSpec spec) {
        this.spec = spec;
        this.runtime = runtime;
        this.session = runtime.open(spec.file());
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The crop (BGR, 8-bit, exactly the model's input size) as the model's input tensor values. */
    public float[] tensor(Mat bgrCrop) {
        int w = spec.width();
        int h = spec.height();
        if (bgrCrop.cols() != w || bgrCrop.rows() != h || bgrCrop.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException(spec.name() + ": crop must be " + w + "x" + h + " CV_8UC3, got "
                    + bgrCrop.cols() + "x" + bgrCrop.rows() + " type " + bgrCrop.type());
        }
        Mat continuous = bgrCrop.isContinuous() ? bgrCrop : bgrCrop.clone();
        byte[] px = new byte[w * h * 3];
        continuous.get(0, 0, px);
        if (continuous != bgrCrop) {
            continuous.release();
        }
        float[] out = new float[px.length];
        int plane = w * h;
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            for (int c = 0; c < 3; c++) {
                // source is B,G,R; model channel c reads B,G,R (bgr) or R,G,B
                int src = spec.bgr() ? c : 2 - c;
                float v = spec.normalise(px[p + src] & 0xFF, c);
                if (spec.nchw()) {
                    out[c * plane + i] = v;
                } else {
                    out[p + c] = v;
                }
            }
        }
        return out;
    }

    /** Runs one input (batch 1); returns every output flattened, by output name. */
    public Map<String, float[]> run(float[] input, Timings timings) {
        long[] shape = spec.nchw() ? new long[]{1, 3, spec.height(), spec.width()} : new long[]{1, spec.height(), spec.width(), 3};
        long start = System.nanoTime();
        try (OnnxTensor tensor = OnnxTensor.createTensor(runtime.environment(), FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(spec.inputName(), tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                FloatBuffer buffer = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                outputs.put(e.getKey(), values);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException(spec.name() + " inference failed: " + e.getMessage(), e);
        } finally {
            if (timings != null) {
                timings.inference(spec.name(), System.nanoTime() - start);
            }
        }
    }

    /** The output of the given name; fails loudly when the model does not have it. */
    public static float[] output(Map<String, float[]> outputs, String name) {
        float[] v = outputs.get(name);
        if (v == null) {
            throw new IllegalStateException("model output " + name + " missing; have " + outputs.keySet());
        }
        return v;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only frees native memory; nothing to recover
        }
    }
}
