package org.campusproctor.weights.tfjs;

import org.campusproctor.weights.tfjs.OnnxModel.Attr;
import org.campusproctor.weights.tfjs.OnnxModel.Tensor;
import org.campusproctor.weights.tfjs.OnnxModel.ValueInfo;
import org.campusproctor.weights.tfjs.TfjsGraph.TfNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a TF.js graph model to an ONNX model (opset 13, IR 7).
 *
 * <p>Layout strategy: every tensor keeps TensorFlow's NHWC semantics; each spatial op (Conv, pooling, Resize) is
 * wrapped in {@code Transpose(0,3,1,2) → op → Transpose(0,2,3,1)} with its weights permuted at conversion time.
 * ONNX Runtime's transpose optimiser removes the wrappers at session creation.
 *
 * <p>Usage: {@code TfjsToOnnx <model.json> <out.onnx> [--dynamic-batch] [--name NAME]}
 */
public final class TfjsToOnnx {

    /** Conversion options. */
    public static final class Options {
        /**
         * Make a batch dimension fixed to 1 symbolic: the Placeholder's first dimension becomes "N" and a leading 1 in
         * Reshape shape constants becomes 0 (ONNX: copy from input). A heuristic that holds for the models here.
         */
        public boolean dynamicBatch;
        public String graphName = "graph";
        /** Free-text provenance stored in the ONNX metadata_props, in this order. */
        public final Map<String, String> metadata = new LinkedHashMap<>();
    }

    private final TfjsGraph g;
    private final Options opt;
    private final OnnxModel m = new OnnxModel();
    /** Constant tensors by TF node name, after constant folding. */
    private final Map<String, TfTensor> consts = new LinkedHashMap<>();
    private final Set<String> emittedInitializers = new HashSet<>();
    private final Set<String> usedNodeNames = new HashSet<>();
    private final Map<String, String> derived = new HashMap<>();

    private TfjsToOnnx(TfjsGraph g, Options opt) {
        this.g = g;
        this.opt = opt;
    }

    public static byte[] convert(TfjsGraph g, Options opt) {
        return new TfjsToOnnx(g, opt).run().toBytes();
    }

    public static void main(String[] args) throws IOException {
        Options opt = new Options();
        List<String> pos = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--dynamic-batch" -> opt.dynamicBatch = true;
                case "--name" -> opt.graphName = args[++k];
                case "--meta" -> {
                    String kv = args[++k];
                    int eq = kv.indexOf('=');
                    opt.metadata.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> pos.add(args[k]);
            }
        }
        if (pos.size() != 2) {
            System.err.println("usage: TfjsToOnnx <model.json> <out.onnx> [--dynamic-batch] [--name NAME] [--meta key=value]...");
            System.exit(2);
        }
        TfjsGraph graph = TfjsGraph.load(Path.of(pos.get(0)));
        byte[] bytes = convert(graph, opt);
        Path out = Path.of(pos.get(1));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, bytes);
        System.out.printf("%s -> %s (%d bytes)%n", pos.get(0), out, bytes.length);
    }

    // ------------------------------------------------------------------------------------------------ driver

    private OnnxModel run() {
        m.graphName = opt.graphName;
        m.metadata.putAll(opt.metadata);
        for (TfNode n : g.nodes) {
            if (n.op.equals("Const")) {
                TfTensor t = g.weights.get(n.name);
                if (t == null) {
                    long[] shape = TfjsGraph.parseShape(n.attr.path("value").path("tensor").path("tensorShape"));
                    if (TfTensor.numElements(shape) != 0) {
                        throw new IllegalArgumentException("Const " + n.name + " has no data in the weights manifest");
                    }
                    boolean isFloat = n.attr.path("dtype").path("type").asText().equals("DT_FLOAT");
                    t = isFloat ? TfTensor.ofFloats(shape, new float[0]) : TfTensor.ofInts(shape, new int[0]);
                }
                consts.put(n.name, t);
            }
        }
        List<TfNode> order = topoSort();
        ConstantFolder.fold(order, consts);

        for (TfNode n : order) {
            if (n.op.equals("Placeholder")) {
                long[] shape = n.shape("shape");
                List<Object> dims = null;
                if (shape != null) {
                    dims = new ArrayList<>();
                    for (int k = 0; k < shape.length; k++) {
                        boolean symbolic = shape[k] < 0 || (k == 0 && opt.dynamicBatch && shape[0] == 1);
                        dims.add(symbolic ? (k == 0 ? "N" : n.name + "_d" + k) : (Object) shape[k]);
                    }
                }
                m.inputs.add(new ValueInfo(n.name, elemType(n.type("dtype", "DT_FLOAT")), dims));
            }
        }
        Set<String> needed = neededNodes();
        for (TfNode n : order) {
            if (!needed.contains(n.name) || consts.containsKey(n.name) || n.op.equals("Placeholder")) {
                continue;
            }
            convertNode(n);
        }
        for (String out : outputNames()) {
            List<Object> dims = null;
            long[] sigShape = signatureShape(out);
            if (sigShape != null) {
                dims = new ArrayList<>();
                boolean batchSymbolic = !m.inputs.isEmpty() && m.inputs.get(0).dims != null
                        && "N".equals(m.inputs.get(0).dims.get(0));
                for (int k = 0; k < sigShape.length; k++) {
                    dims.add(sigShape[k] < 0 || (k == 0 && batchSymbolic) ? (k == 0 ? "N" : out + "_d" + k) : (Object) sigShape[k]);
                }
            }
            String onnxName = tensor(out);
            if (consts.containsKey(nodeOf(out))) {
                throw new IllegalArgumentException("output " + out + " is a constant");
            }
            m.outputs.add(new ValueInfo(onnxName, OnnxModel.FLOAT, dims));
        }
        return m;
    }

    /** TF tensor names of the graph outputs (signature if present, else nodes nobody consumes), natural order. */
    private List<String> outputNames() {
        List<String> outs = new ArrayList<>();
        if (!g.signatureOutputs.isEmpty()) {
            for (String t : g.signatureOutputs.values()) {
                outs.add(t.endsWith(":0") ? t.substring(0, t.length() - 2) : t);
            }
        } else {
            Set<String> consumed = new HashSet<>();
            for (TfNode n : g.nodes) {
                for (String i : n.inputs) {
                    consumed.add(nodeOf(i));
                }
            }
            for (TfNode n : g.nodes) {
                if (!consumed.contains(n.name) && !n.op.equals("Const") && !n.op.equals("Placeholder")) {
                    outs.add(n.name);
                }
            }
        }
        outs.sort(TfjsToOnnx::naturalCompare);
        return outs;
    }

    private long[] signatureShape(String out) {
        return g.signatureOutputShapes.get(out);
    }

    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Long.compare(Long.parseLong(a.substring(si, i)), Long.parseLong(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Depth-first topological order that keeps the file's order where it is already valid. */
    private List<TfNode> topoSort() {
        List<TfNode> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = visiting, 2 = done
        for (TfNode n : g.nodes) {
            visit(n, state, order);
        }
        return order;
    }

    private void visit(TfNode start, Map<String, Integer> state, List<TfNode> order) {
        // iterative DFS (graphs can be deep)
        ArrayList<Object[]> stack = new ArrayList<>();
        if (state.containsKey(start.name)) {
            return;
        }
        stack.add(new Object[] {start, 0});
        state.put(start.name, 1);
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            TfNode n = (TfNode) top[0];
            int k = (Integer) top[1];
            if (k < n.inputs.size()) {
                top[1] = k + 1;
                TfNode dep = g.byName.get(nodeOf(n.inputs.get(k)));
                if (dep == null) {
                    throw new IllegalArgumentException(n + " reads unknown node " + n.inputs.get(k));
                }
                Integer s = state.get(dep.name);
                if (s == null) {
                    state.put(dep.name, 1);
                    stack.add(new Object[] {dep, 0});
                } else if (s == 1) {
                    throw new IllegalArgumentException("cycle through " + dep.name);
                }
            } else {
                stack.remove(stack.size() - 1);
                state.put(n.name, 2);
                order.add(n);
            }
        }
    }

    /** Nodes the outputs depend on (dead branches, e.g. folded shape arithmetic, are dropped). */
    private Set<String> neededNodes() {
        Set<String> needed = new LinkedHashSet<>();
        ArrayList<String> work = new ArrayList<>();
        for (String o : outputNames()) {
            work.add(nodeOf(o));
        }
        while (!work.isEmpty()) {
            String n = work.remove(work.size() - 1);
            if (!needed.add(n) || consts.containsKey(n)) {
                continue;
            }
            for (String i : g.byName.get(n).inputs) {
                work.add(nodeOf(i));
            }
        }
        return needed;
    }

    // ------------------------------------------------------------------------------------------------ naming

    static String nodeOf(String tensorRef) {
        int c = tensorRef.lastIndexOf(':');
        return c < 0 ? tensorRef : tensorRef.substring(0, c);
    }

    static int indexOf(String tensorRef) {
        int c = tensorRef.lastIndexOf(':');
        return c < 0 ? 0 : Integer.parseInt(tensorRef.substring(c + 1));
    }

    /** ONNX value name of TF tensor reference "node" / "node:k". */
    static String tensor(String ref) {
        int k = indexOf(ref);
        return k == 0 ? nodeOf(ref) : nodeOf(ref) + ":" + k;
    }

    private String freshNodeName(String base) {
        String name = base;
        int k = 1;
        while (!usedNodeNames.add(name)) {
            name = base + "_" + k++;
        }
        return name;
    }

    private String node(String name, String op, List<String> inputs, List<String> outputs, Attr... attrs) {
        m.nodes.add(new OnnxModel.Node(freshNodeName(name), op, inputs, outputs, List.of(attrs)));
        return outputs.get(0);
    }

    private String node1(String name, String op, List<String> inputs, String output, Attr... attrs) {
        return node(name, op, inputs, List.of(output), attrs);
    }

    // ------------------------------------------------------------------------------------------------ constants

    private TfTensor constOf(String ref) {
        TfTensor t = consts.get(nodeOf(ref));
        if (t == null) {
            throw new IllegalArgumentException("expected a constant input: " + ref);
        }
        return t;
    }

    private boolean isConst(String ref) {
        return consts.containsKey(nodeOf(ref));
    }

    /** ONNX value for a TF input; constants become initializers (as stored: float32 or int32) on first use. */
    private String input(String ref) {
        String name = tensor(ref);
        if (isConst(ref) && emittedInitializers.add(name)) {
            TfTensor t = constOf(ref);
            m.initializers.add(t.type == TfTensor.Type.FLOAT32 ? Tensor.floats(name, t.shape, t.f)
                    : Tensor.int32s(name, t.shape, t.i));
        }
        return name;
    }

    /** A derived initializer (permuted filter, int64 copy, ...), created once per (name, kind). */
    private String initializer(String name, java.util.function.Supplier<Tensor> make) {
        return derived.computeIfAbsent(name, n -> {
            Tensor t = make.get();
            if (!emittedInitializers.add(t.name)) {
                throw new IllegalStateException("initializer name clash " + t.name);
            }
            m.initializers.add(t);
            return t.name;
        });
    }

    private String int64Const(String name, long... v) {
        return initializer(name, () -> Tensor.int64s(name, new long[] {v.length}, v));
    }

    private String int64ScalarFree(String name, long[] dims, long[] v) {
        return initializer(name, () -> Tensor.int64s(name, dims, v));
    }

    private String floatScalar(String name, float v) {
        return initializer(name, () -> Tensor.floats(name, new long[0], new float[] {v}));
    }

    /** int32 TF constant (shape vector, paddings, axes) as an int64 initializer. */
    private String int64Of(String ref) {
        TfTensor t = constOf(ref);
        return int64ScalarFree(tensor(ref) + "/int64", t.shape, t.asLongs());
    }

    private static int elemType(String tfType) {
        return switch (tfType) {
            case "DT_FLOAT" -> OnnxModel.FLOAT;
            case "DT_INT32" -> OnnxModel.INT32;
            case "DT_INT64" -> OnnxModel.INT64;
            case "DT_BOOL" -> OnnxModel.BOOL;
            case "DT_UINT8" -> OnnxModel.UINT8;
            case "DT_HALF" -> OnnxModel.FLOAT16;
            default -> throw new IllegalArgumentException("unsupported TF type " + tfType);
        };
    }

    // ------------------------------------------------------------------------------------------------ layout

    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};

    private String toNchw(TfNode n, String x) {
        return node1(n.name + "/to_nchw", "Transpose", List.of(x), n.name + "/nchw_in", Attr.ints("perm", TO_NCHW));
    }

    private void toNhwc(TfNode n, String y, String out) {
        node1(n.name + "/to_nhwc", "Transpose", List.of(y), out, Attr.ints("perm", TO_NHWC));
    }

    private void requireNhwc(TfNode n) {
        String fmt = n.str("data_format", "NHWC");
        if (!fmt.equals("NHWC")) {
            throw new IllegalArgumentException(n + ": data_format " + fmt + " not supported");
        }
    }

    /** strides / dilations / ksize attribute [1,h,w,1] → [h,w]. */
    private static long[] spatial(TfNode n, String key) {
        long[] v = n.ints(key);
        if (v.length == 0) {
            return new long[] {1, 1};
        }
        if (v.length != 4) {
            throw new IllegalArgumentException(n + ": " + key + " " + Arrays.toString(v));
        }
        return new long[] {v[1], v[2]};
    }

    /** TF padding → ONNX auto_pad / pads attributes. */
    private static List<Attr> padding(TfNode n) {
        String p = n.str("padding", "VALID");
        return switch (p) {
            case "SAME" -> List.of(Attr.s("auto_pad", "SAME_UPPER")); // TF puts the odd pixel at the end
            case "VALID" -> List.of(Attr.s("auto_pad", "VALID"));
            case "EXPLICIT" -> {
                long[] e = n.ints("explicit_paddings"); // [n0,n1,h0,h1,w0,w1,c0,c1]
                yield List.of(Attr.ints("pads", e[2], e[4], e[3], e[5]));
            }
            default -> throw new IllegalArgumentException(n + ": padding " + p);
        };
    }

    // ------------------------------------------------------------------------------------------------ weights

    /** Conv2D filter HWIO [kh,kw,ci,co] → OIHW [co,ci,kh,kw]. */
    static float[] hwioToOihw(float[] w, int kh, int kw, int ci, int co) {
        float[] r = new float[w.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        r[((o * ci + i) * kh + y) * kw + x] = w[((y * kw + x) * ci + i) * co + o];
                    }
                }
            }
        }
        return r;
    }

    /** Depthwise filter [kh,kw,C,M] → [C*M,1,kh,kw] (output channel c*M+m), used with group=C. */
    static float[] depthwiseToOihw(float[] w, int kh, int kw, int c, int mult) {
        float[] r = new float[w.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int k = 0; k < mult; k++) {
                        r[((ch * mult + k) * kh + y) * kw + x] = w[((y * kw + x) * c + ch) * mult + k];
                    }
                }
            }
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------ ops

    private void convertNode(TfNode n) {
        String out = n.name;
        List<String> in = n.inputs;
        switch (n.op) {
            case "Identity", "StopGradient", "Snapshot" -> node1(n.name, "Identity", List.of(input(in.get(0))), out);
            case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> conv(n);
            case "MaxPool", "AvgPool" -> pool(n);
            case "Add", "AddV2", "BiasAdd" -> binary(n, "Add");
            case "Sub" -> binary(n, "Sub");
            case "Mul" -> binary(n, "Mul");
            case "RealDiv", "Div" -> binary(n, "Div");
            case "Maximum" -> binary(n, "Max");
            case "Minimum" -> binary(n, "Min");
            case "Pow" -> binary(n, "Pow");
            case "SquaredDifference" -> {
                String d = node1(n.name + "/diff", "Sub", List.of(input(in.get(0)), input(in.get(1))), n.name + "/diff");
                node1(n.name, "Mul", List.of(d, d), out);
            }
            case "Relu", "Sigmoid", "Tanh", "Abs", "Neg", "Exp", "Log", "Sqrt", "Elu", "Floor", "Ceil", "Reciprocal" ->
                    node1(n.name, n.op, List.of(input(in.get(0))), out);
            case "Square" -> {
                String x = input(in.get(0));
                node1(n.name, "Mul", List.of(x, x), out);
            }
            case "Rsqrt" -> {
                String s = node1(n.name + "/sqrt", "Sqrt", List.of(input(in.get(0))), n.name + "/sqrt");
                node1(n.name, "Reciprocal", List.of(s), out);
            }
            case "Relu6" -> node1(n.name, "Clip", List.of(input(in.get(0)), floatScalar("const/zero", 0f),
                    floatScalar("const/six", 6f)), out);
            case "LeakyRelu" -> node1(n.name, "LeakyRelu", List.of(input(in.get(0))), out,
                    Attr.f("alpha", (float) n.real("alpha", 0.2)));
            case "Prelu" -> node1(n.name, "PRelu", List.of(input(in.get(0)), input(in.get(1))), out);
            case "Softmax" -> node1(n.name, "Softmax", List.of(input(in.get(0))), out, Attr.i("axis", -1));
            case "Reshape" -> reshape(n);
            case "Pad", "PadV2", "MirrorPad" -> pad(n);
            case "ConcatV2" -> {
                List<String> xs = new ArrayList<>();
                for (int k = 0; k < in.size() - 1; k++) {
                    xs.add(input(in.get(k)));
                }
                node1(n.name, "Concat", xs, out, Attr.i("axis", constOf(in.get(in.size() - 1)).asLongs()[0]));
            }
            case "Transpose" -> node1(n.name, "Transpose", List.of(input(in.get(0))), out,
                    Attr.ints("perm", constOf(in.get(1)).asLongs()));
            case "SplitV" -> {
                long[] sizes = constOf(in.get(1)).asLongs();
                long axis = constOf(in.get(2)).asLongs()[0];
                List<String> outs = new ArrayList<>();
                for (int k = 0; k < sizes.length; k++) {
                    outs.add(k == 0 ? n.name : n.name + ":" + k);
                }
                node(n.name, "Split", List.of(input(in.get(0)), int64Of(in.get(1))), outs, Attr.i("axis", axis));
            }
            case "Split" -> {
                long axis = constOf(in.get(0)).asLongs()[0];
                int num = (int) n.integer("num_split", 1);
                List<String> outs = new ArrayList<>();
                for (int k = 0; k < num; k++) {
                    outs.add(k == 0 ? n.name : n.name + ":" + k);
                }
                node(n.name, "Split", List.of(input(in.get(1))), outs, Attr.i("axis", axis));
            }
            case "ResizeBilinear", "ResizeNearestNeighbor" -> resize(n);
            case "Mean", "Sum", "Max", "Min", "Prod" -> reduce(n);
            case "Squeeze" -> {
                long[] dims = n.ints("squeeze_dims");
                List<String> ins = new ArrayList<>(List.of(input(in.get(0))));
                if (dims.length > 0) {
                    ins.add(int64Const(n.name + "/axes", dims));
                }
                node1(n.name, "Squeeze", ins, out);
            }
            case "ExpandDims" -> node1(n.name, "Unsqueeze", List.of(input(in.get(0)), int64Of(in.get(1))), out);
            case "MatMul", "_FusedMatMul" -> matmul(n);
            case "Cast" -> node1(n.name, "Cast", List.of(input(in.get(0))), out,
                    Attr.i("to", elemType(n.type("DstT", "DT_FLOAT"))));
            default -> throw new IllegalArgumentException("unsupported op " + n.op + " (" + n.name + ")");
        }
    }

    private void binary(TfNode n, String op) {
        node1(n.name, op, List.of(input(n.inputs.get(0)), input(n.inputs.get(1))), n.name);
    }

    private void conv(TfNode n) {
        requireNhwc(n);
        boolean depthwise = n.op.contains("Depthwise");
        TfTensor w = constOf(n.inputs.get(1));
        if (w.shape.length != 4) {
            throw new IllegalArgumentException(n + ": filter shape " + Arrays.toString(w.shape));
        }
        int kh = (int) w.shape[0];
        int kw = (int) w.shape[1];
        int ci = (int) w.shape[2];
        int co = (int) w.shape[3];
        String wName = tensor(n.inputs.get(1)) + (depthwise ? "/dw_oihw" : "/oihw");
        String filter = initializer(wName, () -> depthwise
                ? Tensor.floats(wName, new long[] {(long) ci * co, 1, kh, kw}, depthwiseToOihw(w.f, kh, kw, ci, co))
                : Tensor.floats(wName, new long[] {co, ci, kh, kw}, hwioToOihw(w.f, kh, kw, ci, co)));
        List<String> fused = n.strings("fused_ops");
        List<String> ins = new ArrayList<>(List.of(toNchw(n, input(n.inputs.get(0))), filter));
        int next = 2;
        String activation = null;
        for (String f : fused) {
            switch (f) {
                case "BiasAdd" -> ins.add(input(n.inputs.get(next++)));
                case "Relu", "Relu6", "Elu", "LeakyRelu", "Prelu", "Sigmoid", "Tanh" -> activation = f;
                default -> throw new IllegalArgumentException(n + ": fused op " + f + " not supported");
            }
        }
        List<Attr> attrs = new ArrayList<>();
        attrs.add(Attr.ints("dilations", spatial(n, "dilations")));
        attrs.add(Attr.i("group", depthwise ? ci : 1));
        attrs.add(Attr.ints("kernel_shape", kh, kw));
        attrs.addAll(padding(n));
        attrs.add(Attr.ints("strides", spatial(n, "strides")));
        String y = node(n.name, "Conv", ins, List.of(n.name + "/nchw"), attrs.toArray(new Attr[0]));
        if (activation != null) {
            y = activation(n, activation, y, next);
        }
        toNhwc(n, y, n.name);
    }

    /** Fused activation applied in the NCHW domain, right after the Conv/MatMul. */
    private String activation(TfNode n, String act, String x, int alphaInput) {
        String o = n.name + "/" + act.toLowerCase();
        return switch (act) {
            case "Relu", "Elu", "Sigmoid", "Tanh" -> node1(o, act, List.of(x), o);
            case "Relu6" -> node1(o, "Clip", List.of(x, floatScalar("const/zero", 0f), floatScalar("const/six", 6f)), o);
            case "LeakyRelu" -> node1(o, "LeakyRelu", List.of(x), o, Attr.f("alpha", (float) n.real("leakyrelu_alpha", 0.2)));
            case "Prelu" -> {
                String ref = n.inputs.get(alphaInput);
                TfTensor a = constOf(ref);
                boolean spatialOp = !n.op.contains("MatMul");
                String alpha;
                if (spatialOp) {
                    // alpha broadcasts over NHWC's last axis ([1,1,C] or [C]); in NCHW it must be [C,1,1]
                    int c = a.size();
                    String an = tensor(ref) + "/c11";
                    alpha = initializer(an, () -> Tensor.floats(an, new long[] {c, 1, 1}, a.f));
                } else {
                    alpha = input(ref);
                }
                yield node1(o, "PRelu", List.of(x, alpha), o);
            }
            default -> throw new IllegalArgumentException(act);
        };
    }

    private void pool(TfNode n) {
        requireNhwc(n);
        List<Attr> attrs = new ArrayList<>();
        attrs.addAll(padding(n));
        if (n.op.equals("AvgPool")) {
            attrs.add(Attr.i("count_include_pad", 0)); // TF averages over valid pixels only
        }
        attrs.add(Attr.ints("kernel_shape", spatial(n, "ksize")));
        attrs.add(Attr.ints("strides", spatial(n, "strides")));
        String y = node(n.name, n.op.equals("MaxPool") ? "MaxPool" : "AveragePool",
                List.of(toNchw(n, input(n.inputs.get(0)))), List.of(n.name + "/nchw"), attrs.toArray(new Attr[0]));
        toNhwc(n, y, n.name);
    }

    private void reshape(TfNode n) {
        String shapeRef = n.inputs.get(1);
        String shape;
        if (isConst(shapeRef)) {
            long[] s = constOf(shapeRef).asLongs();
            boolean rewrite = opt.dynamicBatch && s.length > 1 && s[0] == 1;
            if (rewrite) {
                s[0] = 0; // ONNX Reshape: 0 copies the input's dimension
            }
            long[] fs = s;
            String nm = tensor(shapeRef) + (rewrite ? "/int64_dynbatch" : "/int64");
            shape = initializer(nm, () -> Tensor.int64s(nm, new long[] {fs.length}, fs));
        } else {
            shape = node1(n.name + "/shape64", "Cast", List.of(input(shapeRef)), n.name + "/shape64",
                    Attr.i("to", OnnxModel.INT64));
        }
        node1(n.name, "Reshape", List.of(input(n.inputs.get(0)), shape), n.name);
    }

    private void pad(TfNode n) {
        long[] p = constOf(n.inputs.get(1)).asLongs(); // [rank,2] (before, after)
        int rank = p.length / 2;
        long[] pads = new long[p.length];
        for (int k = 0; k < rank; k++) {
            pads[k] = p[2 * k];
            pads[rank + k] = p[2 * k + 1];
        }
        String padsName = int64ScalarFree(tensor(n.inputs.get(1)) + "/onnx_pads", new long[] {pads.length}, pads);
        List<String> ins = new ArrayList<>(List.of(input(n.inputs.get(0)), padsName));
        Attr mode = Attr.s("mode", "constant");
        if (n.op.equals("PadV2")) {
            ins.add(input(n.inputs.get(2)));
        } else if (n.op.equals("MirrorPad")) {
            String m2 = n.str("mode", "REFLECT");
            if (!m2.equals("REFLECT")) {
                throw new IllegalArgumentException(n + ": MirrorPad mode " + m2);
            }
            mode = Attr.s("mode", "reflect");
        }
        node1(n.name, "Pad", ins, n.name, mode);
    }

    private void resize(TfNode n) {
        boolean alignCorners = n.bool("align_corners");
        boolean halfPixel = n.bool("half_pixel_centers");
        boolean bilinear = n.op.equals("ResizeBilinear");
        String coord;
        String nearestMode = "floor";
        if (alignCorners) {
            coord = "align_corners";
            nearestMode = "round_prefer_ceil";
        } else if (halfPixel) {
            coord = bilinear ? "half_pixel" : "tf_half_pixel_for_nn";
        } else {
            coord = "asymmetric";
        }
        String x = toNchw(n, input(n.inputs.get(0)));
        // sizes = concat(shape(x)[0:2], hw)
        String shp = node1(n.name + "/shape", "Shape", List.of(x), n.name + "/shape");
        String nc = node1(n.name + "/nc", "Slice", List.of(shp, int64Const("const/0", 0), int64Const("const/2", 2)),
                n.name + "/nc");
        String hw = isConst(n.inputs.get(1)) ? int64Of(n.inputs.get(1))
                : node1(n.name + "/hw64", "Cast", List.of(input(n.inputs.get(1))), n.name + "/hw64", Attr.i("to", OnnxModel.INT64));
        String sizes = node1(n.name + "/sizes", "Concat", List.of(nc, hw), n.name + "/sizes", Attr.i("axis", 0));
        List<Attr> attrs = new ArrayList<>();
        attrs.add(Attr.s("coordinate_transformation_mode", coord));
        attrs.add(Attr.s("mode", bilinear ? "linear" : "nearest"));
        if (!bilinear) {
            attrs.add(Attr.s("nearest_mode", nearestMode));
        }
        String y = node(n.name, "Resize", List.of(x, "", "", sizes), List.of(n.name + "/nchw"), attrs.toArray(new Attr[0]));
        toNhwc(n, y, n.name);
    }

    private void reduce(TfNode n) {
        String op = switch (n.op) {
            case "Mean" -> "ReduceMean";
            case "Sum" -> "ReduceSum";
            case "Max" -> "ReduceMax";
            case "Min" -> "ReduceMin";
            default -> "ReduceProd";
        };
        long[] axes = constOf(n.inputs.get(1)).asLongs();
        Attr keep = Attr.i("keepdims", n.bool("keep_dims") ? 1 : 0);
        if (op.equals("ReduceSum")) { // opset 13: axes is an input for ReduceSum only
            node1(n.name, op, List.of(input(n.inputs.get(0)), int64Const(n.name + "/axes", axes)), n.name, keep);
        } else {
            node1(n.name, op, List.of(input(n.inputs.get(0))), n.name, Attr.ints("axes", axes), keep);
        }
    }

    private void matmul(TfNode n) {
        String a = input(n.inputs.get(0));
        if (n.bool("transpose_a")) {
            a = node1(n.name + "/ta", "Transpose", List.of(a), n.name + "/ta", Attr.ints("perm", 1, 0));
        }
        String bRef = n.inputs.get(1);
        String b;
        if (n.bool("transpose_b") && isConst(bRef)) {
            TfTensor w = constOf(bRef);
            int r = (int) w.shape[0];
            int c = (int) w.shape[1];
            String nm = tensor(bRef) + "/transposed";
            b = initializer(nm, () -> {
                float[] t = new float[w.f.length];
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < c; j++) {
                        t[j * r + i] = w.f[i * c + j];
                    }
                }
                return Tensor.floats(nm, new long[] {c, r}, t);
            });
        } else {
            b = input(bRef);
            if (n.bool("transpose_b")) {
                b = node1(n.name + "/tb", "Transpose", List.of(b), n.name + "/tb", Attr.ints("perm", 1, 0));
            }
        }
        List<String> fused = n.strings("fused_ops");
        String y = node1(fused.isEmpty() ? n.name : n.name + "/matmul", "MatMul", List.of(a, b),
                fused.isEmpty() ? n.name : n.name + "/matmul");
        int next = 2;
        String activation = null;
        for (String f : fused) {
            if (f.equals("BiasAdd")) {
                y = node1(n.name + "/bias", "Add", List.of(y, input(n.inputs.get(next++))), n.name + "/bias");
            } else {
                activation = f;
            }
        }
        if (activation != null) {
            y = activation(n, activation, y, next);
        }
        if (!fused.isEmpty()) {
            node1(n.name, "Identity", List.of(y), n.name);
        }
    }
}
