package org.campusproctor.weights.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the ONNX graph of face-api's ResNet-34 face-recognition network (dlib's 128-d face descriptor) from its TF.js
 * weights manifest and shard. That package ships weights only, no graph: the graph here follows face-api's
 * {@code FaceRecognitionNet.forwardInput}, {@code residualLayer.ts} and {@code convLayer.ts} layer by layer.
 * <ul>
 *   <li>input {@code input} [N,150,150,3] float RGB pixels 0..255 (NHWC, as face-api's batch tensor); the graph
 *   subtracts face-api's mean RGB and divides by 255, then works in NCHW;</li>
 *   <li>"conv" = Conv + bias, then the per-channel scale layer (x * w + b), folded into the Conv's filter and bias;
 *   3x3 convolutions of stride 1 pad 1 (TF "same" with odd kernels is symmetric), stride-2 ones no padding;</li>
 *   <li>down blocks: shortcut = AveragePool 2x2 stride 2, zero channels appended when the main path has more; a main
 *   path smaller than the shortcut gets one zero row (bottom) and one zero column (right), as face-api concatenates;</li>
 *   <li>output {@code descriptor} [N,128] = mean over H,W then MatMul with {@code fc} (no bias, not normalised).</li>
 * </ul>
 * Deterministic: the same manifest and shard give byte-identical ONNX.
 */
public final class FaceResNetToOnnx {

    /** face-api's {@code meanRgb} of FaceRecognitionNet. */
    static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private final Map<String, TfTensor> w;
    private final OnnxModel m = new OnnxModel();
    private int counter;

    private FaceResNetToOnnx(Map<String, TfTensor> weights) {
        this.w = weights;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FaceResNetToOnnx face_recognition_model-weights_manifest.json out.onnx [--meta key=value]...");
            System.exit(2);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (int k = 2; k < args.length; k++) {
            if ("--meta".equals(args[k])) {
                String kv = args[++k];
                int eq = kv.indexOf('=');
                meta.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else {
                throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        byte[] bytes = convert(loadWeights(Path.of(args[0])), meta);
        Files.write(Path.of(args[1]), bytes);
        System.out.println("wrote " + args[1] + " (" + bytes.length + " bytes)");
    }

    /** The tensors of a TF.js weights manifest (a JSON array of groups), uint8-affine ones dequantised. */
    public static Map<String, TfTensor> loadWeights(Path manifest) throws IOException {
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        Map<String, TfTensor> out = new LinkedHashMap<>();
        for (JsonNode group : root) {
            ByteArrayOutputStream cat = new ByteArrayOutputStream();
            for (JsonNode p : group.path("paths")) {
                cat.writeBytes(Files.readAllBytes(manifest.toAbsolutePath().getParent().resolve(p.asText())));
            }
            TfjsGraph.decodeGroup(group.path("weights"), cat.toByteArray(), out);
        }
        return out;
    }

    public static byte[] convert(Map<String, TfTensor> weights, Map<String, String> metadata) {
        FaceResNetToOnnx b = new FaceResNetToOnnx(weights);
        b.build();
        b.m.graphName = "faceres34";
        b.m.docString = "face-api ResNet-34 face descriptor (dlib), built from the TF.js weights by FaceResNetToOnnx";
        b.m.metadata.putAll(metadata);
        return b.m.toBytes();
    }

    private void build() {
        m.inputs.add(new OnnxModel.ValueInfo("input", OnnxModel.FLOAT, List.of("N", 150L, 150L, 3L)));
        String x = node("Sub", List.of("input", constant("mean_rgb", new long[]{3}, MEAN_RGB)));
        x = node("Div", List.of(x, constant("pixel_scale", new long[]{}, new float[]{255f})));
        x = node("Transpose", List.of(x), OnnxModel.Attr.ints("perm", 0, 3, 1, 2));

        x = conv(x, "conv32_down", 2, 0, true);
        x = node("MaxPool", List.of(x), OnnxModel.Attr.ints("kernel_shape", 3, 3), OnnxModel.Attr.ints("strides", 2, 2));
        for (String r : List.of("conv32_1", "conv32_2", "conv32_3")) {
            x = residual(x, r);
        }
        x = residualDown(x, "conv64_down", 35);
        for (String r : List.of("conv64_1", "conv64_2", "conv64_3")) {
            x = residual(x, r);
        }
        x = residualDown(x, "conv128_down", 17);
        for (String r : List.of("conv128_1", "conv128_2")) {
            x = residual(x, r);
        }
        x = residualDown(x, "conv256_down", 8);
        for (String r : List.of("conv256_1", "conv256_2")) {
            x = residual(x, r);
        }
        x = residualDown(x, "conv256_down_out", 4);
        x = node("ReduceMean", List.of(x), OnnxModel.Attr.ints("axes", 2, 3), OnnxModel.Attr.i("keepdims", 0));
        TfTensor fc = require("fc");
        m.initializers.add(OnnxModel.Tensor.floats("fc", fc.shape, fc.f));
        m.nodes.add(new OnnxModel.Node("descriptor_fc", "MatMul", List.of(x, "fc"), List.of("descriptor"), List.of()));
        m.outputs.add(new OnnxModel.ValueInfo("descriptor", OnnxModel.FLOAT, List.of("N", 128L)));
    }

    private String residual(String x, String layer) {
        String out = conv(x, layer + "/conv1", 1, 1, true);
        out = conv(out, layer + "/conv2", 1, 1, false);
        return node("Relu", List.of(node("Add", List.of(out, x))));
    }

    /** @param inSize the spatial size of x (fixed by the 150x150 input), to know whether the main path needs padding */
    private String residualDown(String x, String layer, int inSize) {
        String out = conv(x, layer + "/conv1", 2, 0, true);
        out = conv(out, layer + "/conv2", 1, 1, false);
        int inC = (int) require(layer + "/conv1/conv/filters").shape[2];
        int outC = (int) require(layer + "/conv2/conv/filters").shape[3];
        int mainSize = (inSize - 3) / 2 + 1;
        int pooledSize = inSize / 2;
        String pooled = node("AveragePool", List.of(x), OnnxModel.Attr.ints("kernel_shape", 2, 2),
                OnnxModel.Attr.ints("strides", 2, 2));
        if (mainSize != pooledSize) {
            // face-api concatenates one zero row at the bottom and one zero column at the right of the main path
            long d = pooledSize - mainSize;
            out = node("Pad", List.of(out, int64s(layer + "/pad_hw", 0, 0, 0, 0, 0, 0, d, d)));
        }
        if (outC != inC) {
            pooled = node("Pad", List.of(pooled, int64s(layer + "/pad_c", 0, 0, 0, 0, 0, outC - inC, 0, 0)));
        }
        return node("Relu", List.of(node("Add", List.of(pooled, out))));
    }

    /** Conv + bias + scale layer (folded: W·s, b·s + sb) [+ Relu]. */
    private String conv(String x, String layer, int stride, int pad, boolean relu) {
        TfTensor filters = require(layer + "/conv/filters");
        float[] bias = require(layer + "/conv/bias").f;
        float[] scale = require(layer + "/scale/weights").f;
        float[] shift = require(layer + "/scale/biases").f;
        int kh = (int) filters.shape[0];
        int kw = (int) filters.shape[1];
        int in = (int) filters.shape[2];
        int out = (int) filters.shape[3];
        // HWIO -> OIHW, multiplied by the scale of the output channel
        float[] oihw = new float[filters.f.length];
        for (int h = 0; h < kh; h++) {
            for (int ww = 0; ww < kw; ww++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + h) * kw + ww] = filters.f[((h * kw + ww) * in + i) * out + o] * scale[o];
                    }
                }
            }
        }
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = bias[o] * scale[o] + shift[o];
        }
        String wName = layer + "/W";
        String bName = layer + "/B";
        m.initializers.add(OnnxModel.Tensor.floats(wName, new long[]{out, in, kh, kw}, oihw));
        m.initializers.add(OnnxModel.Tensor.floats(bName, new long[]{out}, b));
        String y = node("Conv", List.of(x, wName, bName), OnnxModel.Attr.ints("kernel_shape", kh, kw),
                OnnxModel.Attr.ints("strides", stride, stride), OnnxModel.Attr.ints("pads", pad, pad, pad, pad));
        return relu ? node("Relu", List.of(y)) : y;
    }

    private TfTensor require(String name) {
        TfTensor t = w.get(name);
        if (t == null || t.f == null) {
            throw new IllegalArgumentException("weights manifest has no float tensor " + name);
        }
        return t;
    }

    private String constant(String name, long[] dims, float[] v) {
        m.initializers.add(OnnxModel.Tensor.floats(name, dims, v));
        return name;
    }

    private String int64s(String name, long... v) {
        m.initializers.add(OnnxModel.Tensor.int64s(name, new long[]{v.length}, v));
        return name;
    }

    private String node(String op, List<String> inputs, OnnxModel.Attr... attrs) {
        String out = op.toLowerCase() + "_" + (++counter);
        List<OnnxModel.Attr> a = new ArrayList<>(List.of(attrs));
        m.nodes.add(new OnnxModel.Node(out, op, inputs, List.of(out), a));
        return out;
    }
}
