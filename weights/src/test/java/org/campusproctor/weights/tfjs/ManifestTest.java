package org.campusproctor.weights.tfjs;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** weights/manifest.json agrees with the files: digests, sizes, input/output names and shapes as ONNX Runtime sees them. */
class ManifestTest {
    static final Path MANIFEST = Path.of("manifest.json");

    static JsonNode entry(String name) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(MANIFEST.toFile()).path("models")) {
            if (m.path("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no manifest entry " + name);
    }

    @Test
    void digestsAndSizesMatchEveryExistingFile() throws Exception {
        int checked = 0;
        for (JsonNode m : new ObjectMapper().readTree(MANIFEST.toFile()).path("models")) {
            Path f = Path.of(m.path("file").asText());
            if (!Files.isRegularFile(f)) {
                continue; // entries of other tools whose files are not generated yet
            }
            assertEquals(ManifestTool.sha256(f), m.path("sha256").asText(), f + " sha256");
            assertEquals(Files.size(f), m.path("bytes").asLong(), f + " bytes");
            checked++;
        }
        assertTrue(checked >= 5);
    }

    @Test
    void fileIsInCanonicalFormatting() throws Exception {
        ObjectMapper om = new ObjectMapper();
        String text = Files.readString(MANIFEST, StandardCharsets.UTF_8);
        assertEquals(ManifestTool.write(om, om.readTree(text)), text, "re-run ManifestTool refresh manifest.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "nanodet", "mobilefacenet"})
    void ioMatchesOnnxRuntime(String name) throws Exception {
        JsonNode m = entry(name);
        assertEquals("models/" + name + ".onnx", m.path("file").asText());
        for (String key : List.of("sha256", "preprocessing", "source", "licence", "upstream")) {
            assertNotNull(m.get(key), name + " lacks " + key);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(m.path("file").asText(), new OrtSession.SessionOptions())) {
            JsonNode in = m.path("inputs").get(0);
            assertEquals(1, m.path("inputs").size());
            assertEquals(List.of(in.path("name").asText()), new ArrayList<>(s.getInputNames()));
            TensorInfo ti = (TensorInfo) s.getInputInfo().get(in.path("name").asText()).getInfo();
            long[] runShape = new long[ti.getShape().length];
            for (int k = 0; k < runShape.length; k++) {
                JsonNode d = in.path("shape").get(k);
                assertEquals(d.isTextual() ? -1 : d.asLong(), ti.getShape()[k], name + " input dim " + k);
                runShape[k] = d.isTextual() ? 1 : d.asLong();
            }
            // outputs: names in order, and the shapes of an actual batch-1 run
            List<String> names = new ArrayList<>();
            m.path("outputs").forEach(o -> names.add(o.path("name").asText()));
            assertEquals(names, new ArrayList<>(s.getOutputNames()));
            int n = Math.toIntExact(java.util.Arrays.stream(runShape).reduce(1, (a, b) -> a * b));
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[n]), runShape);
                 OrtSession.Result r = s.run(Map.of(in.path("name").asText(), t))) {
                for (JsonNode o : m.path("outputs")) {
                    long[] actual = ((OnnxTensor) r.get(o.path("name").asText()).orElseThrow()).getInfo().getShape();
                    long[] expected = new long[o.path("shape").size()];
                    for (int k = 0; k < expected.length; k++) {
                        JsonNode d = o.path("shape").get(k);
                        expected[k] = d.isTextual() ? 1 : d.asLong();
                    }
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, name + "/" + o.path("name").asText());
                    assertEquals("float32", o.path("dtype").asText());
                }
            }
            Map<String, NodeInfo> unused = new HashMap<>(s.getOutputInfo());
            assertEquals(names.size(), unused.size());
        }
    }
}
