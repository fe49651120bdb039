package org.campusproctor.vision.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One model session, opened once and shared by all threads (ONNX Runtime sessions may be run concurrently), with
 * the manifest's preprocessing: BGR 8-bit crop of the model's input size → normalised float tensor.
 */
public final class ModelSession implements AutoCloseable {

    private final ModelSpec spec;
    private final InferenceRuntime runtime;
    private final OrtSession session;

    public ModelSession(InferenceRuntime runtime, ModelSpec spec) {
        this.spec = spec;
        this.runtime = runtime;
        this.session = runtime.open(spec.file());
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The crop (BGR, 8-bit, exactly the model's input size) as the model's input tensor values. */
    /** The input tensor of an aligned crop of the image (warped, converted, released). */
    public float[] tensor(AlignedCrop crop, Mat bgr) {
        Mat pixels = crop.warp(bgr);
        try {
            return tensor(pixels);
        } finally {
            pixels.release();
        }
    }

    public float[] tensor(Mat bgrCrop) {
        int w = spec.width();
        int h = spec.height();
        if (bgrCrop.cols() != w || bgrCrop.rows() != h || bgrCrop.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException(spec.name() + ": crop must be " + w + "x" + h + " CV_8UC3, got "
                    + bgrCrop.cols() + "x" + bgrCrop.rows() + " type " + bgrCrop.type());
        }
        // vectorised in OpenCV: channel order, then per channel (v - mean) / std as float
        int plane = w * h;
        float[] out = new float[plane * 3];
        Mat ordered = bgrCrop;
        if (!spec.bgr()) {
            ordered = new Mat();
            Imgproc.cvtColor(bgrCrop, ordered, Imgproc.COLOR_BGR2RGB);
        }
        try {
            if (!spec.nchw() && uniform()) {
                Mat f = new Mat();
                ordered.convertTo(f, CvType.CV_32FC3, 1.0 / spec.std()[0], -spec.mean()[0] / spec.std()[0]);
                f.get(0, 0, out);
                f.release();
                return out;
            }
            List<Mat> channels = new ArrayList<>(3);
            Core.split(ordered, channels);
            float[] buffer = new float[plane];
            for (int c = 0; c < 3; c++) {
                Mat f = new Mat();
                channels.get(c).convertTo(f, CvType.CV_32F, 1.0 / spec.std()[c], -spec.mean()[c] / spec.std()[c]);
                f.get(0, 0, buffer);
                if (spec.nchw()) {
                    System.arraycopy(buffer, 0, out, c * plane, plane);
                } else {
                    for (int i = 0; i < plane; i++) {
                        out[3 * i + c] = buffer[i];
                    }
                }
                f.release();
                channels.get(c).release();
            }
            return out;
        } finally {
            if (ordered != bgrCrop) {
                ordered.release();
            }
        }
    }

    private boolean uniform() {
        float[] m = spec.mean();
        float[] d = spec.std();
        return m[0] == m[1] && m[1] == m[2] && d[0] == d[1] && d[1] == d[2];
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
