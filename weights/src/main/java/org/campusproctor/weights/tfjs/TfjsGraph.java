package org.campusproctor.weights.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model ({@code model.json} + weight shards): the TensorFlow GraphDef in proto3-JSON form and the
 * decoded constant tensors.
 *
 * <p>proto3-JSON specifics handled here: int64 values are JSON strings, {@code bytes} are base64, default values are
 * omitted ({@code {}} as a dimension means size 0, a missing {@code dim} list means a scalar, a missing {@code b}
 * means false).
 */
public final class TfjsGraph {

    /** One NodeDef. Inputs exclude control dependencies ({@code ^name}). */
    public static final class TfNode {
        public final String name;
        public final String op;
        public final List<String> inputs;
        public final JsonNode attr;

        TfNode(String name, String op, List<String> inputs, JsonNode attr) {
            this.name = name;
            this.op = op;
            this.inputs = inputs;
            this.attr = attr;
        }

        public boolean has(String key) {
            return attr.has(key);
        }

        public String str(String key, String def) {
            JsonNode a = attr.get(key);
            if (a == null || !a.has("s")) {
                return def;
            }
            return new String(Base64.getDecoder().decode(a.get("s").asText()), StandardCharsets.UTF_8);
        }

        public long integer(String key, long def) {
            JsonNode a = attr.get(key);
            return a == null || !a.has("i") ? def : Long.parseLong(a.get("i").asText());
        }

        public double real(String key, double def) {
            JsonNode a = attr.get(key);
            return a == null || !a.has("f") ? def : a.get("f").asDouble();
        }

        public boolean bool(String key) {
            JsonNode a = attr.get(key);
            return a != null && a.path("b").asBoolean(false);
        }

        public String type(String key, String def) {
            JsonNode a = attr.get(key);
            return a == null || !a.has("type") ? def : a.get("type").asText();
        }

        public long[] ints(String key) {
            JsonNode l = attr.path(key).path("list").path("i");
            long[] r = new long[l.size()];
            for (int k = 0; k < r.length; k++) {
                r[k] = Long.parseLong(l.get(k).asText());
            }
            return r;
        }

        public List<String> strings(String key) {
            JsonNode l = attr.path(key).path("list").path("s");
            List<String> r = new ArrayList<>();
            for (JsonNode s : l) {
                r.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8));
            }
            return r;
        }

        /** Shape attribute ({@code attr.shape.shape}); -1 = unknown dimension; null = unknown rank. */
        public long[] shape(String key) {
            JsonNode s = attr.path(key).path("shape");
            if (s.path("unknownRank").asBoolean(false)) {
                return null;
            }
            return parseShape(s);
        }

        @Override
        public String toString() {
            return op + " " + name;
        }
    }

    public final String format;
    public final String generatedBy;
    public final String convertedBy;
    public final List<TfNode> nodes;
    public final Map<String, TfNode> byName;
    public final Map<String, TfTensor> weights;
    /** Signature outputs: key → tensor name ("node:index"), in model.json order; may be empty. */
    public final Map<String, String> signatureOutputs;
    /** Signature inputs: key → tensor name. */
    public final Map<String, String> signatureInputs;
    /** Declared output shapes by output node name (tensor name without ":0"), where the signature has them. */
    public final Map<String, long[]> signatureOutputShapes;

    private TfjsGraph(JsonNode root, Map<String, TfTensor> weights) {
        this.format = root.path("format").asText("");
        this.generatedBy = root.path("generatedBy").asText("");
        this.convertedBy = root.path("convertedBy").asText("");
        List<TfNode> list = new ArrayList<>();
        Map<String, TfNode> map = new LinkedHashMap<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            List<String> in = new ArrayList<>();
            for (JsonNode i : n.path("input")) {
                String s = i.asText();
                if (!s.startsWith("^")) {
                    in.add(s);
                }
            }
            TfNode node = new TfNode(n.get("name").asText(), n.get("op").asText(), Collections.unmodifiableList(in),
                    n.has("attr") ? n.get("attr") : new ObjectMapper().createObjectNode());
            if (map.put(node.name, node) != null) {
                throw new IllegalArgumentException("duplicate node name " + node.name);
            }
            list.add(node);
        }
        if (root.path("modelTopology").path("library").path("function").size() > 0) {
            throw new IllegalArgumentException("graph functions (control flow) are not supported");
        }
        this.nodes = Collections.unmodifiableList(list);
        this.byName = Collections.unmodifiableMap(map);
        this.weights = weights;
        JsonNode sig = root.has("signature") ? root.get("signature")
                : root.path("userDefinedMetadata").path("signature");
        this.signatureInputs = signatureMap(sig.path("inputs"));
        this.signatureOutputs = signatureMap(sig.path("outputs"));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        sig.path("outputs").fields().forEachRemaining(e -> {
            JsonNode ts = e.getValue().get("tensorShape");
            if (ts != null && !ts.path("unknownRank").asBoolean(false)) {
                String t = e.getValue().path("name").asText(e.getKey());
                shapes.put(t.endsWith(":0") ? t.substring(0, t.length() - 2) : t, parseShape(ts));
            }
        });
        this.signatureOutputShapes = Collections.unmodifiableMap(shapes);
    }

    private static Map<String, String> signatureMap(JsonNode side) {
        Map<String, String> m = new LinkedHashMap<>();
        side.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().path("name").asText(e.getKey())));
        return Collections.unmodifiableMap(m);
    }

    static long[] parseShape(JsonNode shape) {
        JsonNode dims = shape.path("dim");
        long[] r = new long[dims.size()];
        for (int k = 0; k < r.length; k++) {
            JsonNode size = dims.get(k).get("size");
            r[k] = size == null ? 0 : Long.parseLong(size.asText()); // proto3-JSON omits 0
        }
        return r;
    }

    public static TfjsGraph load(Path modelJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText("graph-model"))) {
            throw new IllegalArgumentException("not a TF.js graph model: format=" + root.path("format").asText());
        }
        Path dir = modelJson.toAbsolutePath().getParent();
        Map<String, TfTensor> weights = new LinkedHashMap<>();
        for (JsonNode group : root.path("weightsManifest")) {
            ByteArrayOutputStream cat = new ByteArrayOutputStream();
            for (JsonNode p : group.path("paths")) {
                cat.writeBytes(Files.readAllBytes(dir.resolve(p.asText())));
            }
            decodeGroup(group.path("weights"), cat.toByteArray(), weights);
        }
        return new TfjsGraph(root, Collections.unmodifiableMap(weights));
    }

    /**
     * Decodes the weights of one manifest group from the concatenation of its shards: tensors back to back, no
     * alignment, little-endian; the stored type is {@code quantization.dtype} when present, else {@code dtype}.
     */
    static void decodeGroup(JsonNode specs, byte[] data, Map<String, TfTensor> out) {
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode w : specs) {
            String name = w.get("name").asText();
            long[] shape = new long[w.path("shape").size()];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = w.path("shape").get(k).asLong();
            }
            int n = Math.toIntExact(TfTensor.numElements(shape));
            String dtype = w.path("dtype").asText();
            JsonNode q = w.get("quantization");
            String stored = q != null ? q.path("dtype").asText() : dtype;
            double[] v = new double[n];
            switch (stored) {
                case "float32" -> {
                    for (int k = 0; k < n; k++) {
                        v[k] = buf.getFloat();
                    }
                }
                case "int32" -> {
                    for (int k = 0; k < n; k++) {
                        v[k] = buf.getInt();
                    }
                }
                case "float16" -> {
                    for (int k = 0; k < n; k++) {
                        v[k] = Float16.toFloat(buf.getShort() & 0xFFFF);
                    }
                }
                case "uint8", "uint16", "bool" -> {
                    boolean affine = q != null && q.has("scale");
                    double scale = affine ? q.get("scale").asDouble() : 1;
                    double min = affine ? q.path("min").asDouble(0) : 0;
                    for (int k = 0; k < n; k++) {
                        int raw = stored.equals("uint16") ? buf.getShort() & 0xFFFF : buf.get() & 0xFF;
                        v[k] = affine ? (float) (raw * scale + min) : raw;
                    }
                }
                default -> throw new IllegalArgumentException("unsupported stored dtype " + stored + " of " + name);
            }
            TfTensor t;
            switch (dtype) {
                case "float32" -> {
                    float[] f = new float[n];
                    for (int k = 0; k < n; k++) {
                        f[k] = (float) v[k];
                    }
                    t = TfTensor.ofFloats(shape, f);
                }
                case "int32", "bool" -> {
                    int[] i = new int[n];
                    for (int k = 0; k < n; k++) {
                        i[k] = (int) Math.round(v[k]);
                    }
                    t = TfTensor.ofInts(shape, i);
                }
                default -> throw new IllegalArgumentException("unsupported dtype " + dtype + " of " + name);
            }
            out.put(name, t);
        }
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException(buf.remaining() + " bytes left over after decoding a weight group");
        }
    }
}
