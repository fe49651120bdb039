package org.campusproctor.weights.tfjs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory ONNX model (only the parts of onnx.proto this converter uses) and its protobuf serialisation.
 * Field numbers follow onnx/onnx.proto (IR version 7+).
 */
public final class OnnxModel {

    /** onnx.TensorProto.DataType values. */
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int FLOAT16 = 10;

    public static final long IR_VERSION = 7; // ONNX 1.7+, opset <= 13 (ORT 1.29 reads IR 3..11)
    public static final long OPSET = 13;

    /** A constant tensor (initializer or tensor attribute), stored as little-endian raw_data. */
    public static final class Tensor {
        public final String name;
        public final int dataType;
        public final long[] dims;
        public final byte[] raw;

        public Tensor(String name, int dataType, long[] dims, byte[] raw) {
            this.name = name;
            this.dataType = dataType;
            this.dims = dims.clone();
            this.raw = raw;
        }

        public static Tensor floats(String name, long[] dims, float[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : v) {
                b.putFloat(f);
            }
            return new Tensor(name, FLOAT, dims, b.array());
        }

        public static Tensor int64s(String name, long[] dims, long[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : v) {
                b.putLong(x);
            }
            return new Tensor(name, INT64, dims, b.array());
        }

        public static Tensor int32s(String name, long[] dims, int[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int x : v) {
                b.putInt(x);
            }
            return new Tensor(name, INT32, dims, b.array());
        }

        ProtoWriter proto() {
            ProtoWriter w = new ProtoWriter();
            w.packedInt64(1, dims);          // dims
            w.int64(2, dataType);            // data_type
            w.string(8, name);               // name
            w.bytes(9, raw);                 // raw_data
            return w;
        }
    }

    /** A node attribute; exactly one of the value kinds is set. */
    public static final class Attr {
        final String name;
        final int type; // onnx.AttributeProto.AttributeType
        Float f;
        Long i;
        String s;
        long[] ints;
        float[] floats;
        Tensor t;

        private Attr(String name, int type) {
            this.name = name;
            this.type = type;
        }

        public static Attr f(String name, float v) {
            Attr a = new Attr(name, 1);
            a.f = v;
            return a;
        }

        public static Attr i(String name, long v) {
            Attr a = new Attr(name, 2);
            a.i = v;
            return a;
        }

        public static Attr s(String name, String v) {
            Attr a = new Attr(name, 3);
            a.s = v;
            return a;
        }

        public static Attr t(String name, Tensor v) {
            Attr a = new Attr(name, 4);
            a.t = v;
            return a;
        }

        public static Attr floats(String name, float... v) {
            Attr a = new Attr(name, 6);
            a.floats = v;
            return a;
        }

        public static Attr ints(String name, long... v) {
            Attr a = new Attr(name, 7);
            a.ints = v;
            return a;
        }

        ProtoWriter proto() {
            ProtoWriter w = new ProtoWriter();
            w.string(1, name);
            switch (type) {
                case 1 -> w.float32(2, f);
                case 2 -> w.int64(3, i);
                case 3 -> w.string(4, s);
                case 4 -> w.message(5, t.proto());
                case 6 -> {
                    for (float x : floats) { // repeated float, written unpacked (as onnx's own writer does)
                        w.float32(7, x);
                    }
                }
                case 7 -> {
                    for (long x : ints) {
                        w.int64(8, x);
                    }
                }
                default -> throw new IllegalStateException("attribute type " + type);
            }
            w.int64(20, type);
            return w;
        }
    }

    public static final class Node {
        public final String name;
        public final String opType;
        public final List<String> inputs;
        public final List<String> outputs;
        public final List<Attr> attrs;

        public Node(String name, String opType, List<String> inputs, List<String> outputs, List<Attr> attrs) {
            this.name = name;
            this.opType = opType;
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
            this.attrs = List.copyOf(attrs);
        }

        ProtoWriter proto() {
            ProtoWriter w = new ProtoWriter();
            for (String in : inputs) {
                w.string(1, in);
            }
            for (String o : outputs) {
                w.string(2, o);
            }
            w.string(3, name);
            w.string(4, opType);
            for (Attr a : attrs) {
                w.message(5, a.proto());
            }
            return w;
        }
    }

    /** Graph input/output description. dims entries are Long (fixed) or String (symbolic); null = unknown rank. */
    public static final class ValueInfo {
        public final String name;
        public final int elemType;
        public final List<Object> dims;

        public ValueInfo(String name, int elemType, List<Object> dims) {
            this.name = name;
            this.elemType = elemType;
            this.dims = dims == null ? null : List.copyOf(dims);
        }

        ProtoWriter proto() {
            ProtoWriter tensorType = new ProtoWriter();
            tensorType.int64(1, elemType);
            if (dims != null) {
                ProtoWriter shape = new ProtoWriter();
                for (Object d : dims) {
                    ProtoWriter dim = new ProtoWriter();
                    if (d instanceof String s) {
                        dim.string(2, s);
                    } else {
                        dim.int64(1, ((Number) d).longValue());
                    }
                    shape.message(1, dim);
                }
                tensorType.message(2, shape);
            }
            ProtoWriter type = new ProtoWriter().message(1, tensorType);
            return new ProtoWriter().string(1, name).message(2, type);
        }
    }

    public String graphName = "graph";
    public String producerName = "campusproctor-tfjs2onnx";
    public String producerVersion = "1";
    public String docString = "";
    public final List<Node> nodes = new ArrayList<>();
    public final List<Tensor> initializers = new ArrayList<>();
    public final List<ValueInfo> inputs = new ArrayList<>();
    public final List<ValueInfo> outputs = new ArrayList<>();
    public final Map<String, String> metadata = new LinkedHashMap<>();

    public byte[] toBytes() {
        ProtoWriter g = new ProtoWriter();
        for (Node n : nodes) {
            g.message(1, n.proto());
        }
        g.string(2, graphName);
        for (Tensor t : initializers) {
            g.message(5, t.proto());
        }
        for (ValueInfo v : inputs) {
            g.message(11, v.proto());
        }
        for (ValueInfo v : outputs) {
            g.message(12, v.proto());
        }

        ProtoWriter m = new ProtoWriter();
        m.int64(1, IR_VERSION);
        m.string(2, producerName);
        m.string(3, producerVersion);
        if (!docString.isEmpty()) {
            m.string(6, docString);
        }
        m.message(7, g);
        ProtoWriter opset = new ProtoWriter().string(1, "").int64(2, OPSET);
        m.message(8, opset);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            m.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return m.toByteArray();
    }
}
