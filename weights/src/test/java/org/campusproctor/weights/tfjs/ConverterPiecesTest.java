package org.campusproctor.weights.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConverterPiecesTest {

    static String hex(ProtoWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void protoWriterEncodesTheWireFormat() {
        assertEquals("0800", hex(new ProtoWriter().int64(1, 0)));
        assertEquals("08ac02", hex(new ProtoWriter().int64(1, 300)));
        assertEquals("10ffffffffffffffffff01", hex(new ProtoWriter().int64(2, -1))); // int64 -1: 10-byte varint
        assertEquals("150000803f", hex(new ProtoWriter().float32(2, 1.0f)));
        assertEquals("1a03616263", hex(new ProtoWriter().string(3, "abc")));
        assertEquals("0a03010203", hex(new ProtoWriter().packedInt64(1, new long[] {1, 2, 3})));
        assertEquals("", hex(new ProtoWriter().packedInt64(1, new long[0])));
        assertEquals("3a020801", hex(new ProtoWriter().message(7, new ProtoWriter().int64(1, 1))));
    }

    @Test
    void float16Widening() {
        assertEquals(1.0f, Float16.toFloat(0x3C00));
        assertEquals(-2.0f, Float16.toFloat(0xC000));
        assertEquals(65504f, Float16.toFloat(0x7BFF));
        assertEquals(0x1p-24f, Float16.toFloat(0x0001)); // smallest subnormal
        assertEquals(0x1p-14f, Float16.toFloat(0x0400)); // smallest normal
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat(0x7C00));
        assertTrue(Float.isNaN(Float16.toFloat(0x7E00)));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Float16.toFloat(0x8000)));
        assertEquals(0.333251953125f, Float16.toFloat(0x3555));
    }

    @Test
    void weightGroupDecodingHonoursManifestDtypeAndQuantization() throws Exception {
        JsonNode specs = new ObjectMapper().readTree("""
                [{"name":"h","shape":[2],"dtype":"float32","quantization":{"dtype":"float16","original_dtype":"float32"}},
                 {"name":"i","shape":[1],"dtype":"int32"},
                 {"name":"q","shape":[2],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1,"original_dtype":"float32"}},
                 {"name":"e","shape":[0,1],"dtype":"int32"},
                 {"name":"f","shape":[],"dtype":"float32"}]""");
        ByteBuffer b = ByteBuffer.allocate(2 * 2 + 4 + 2 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x3C00).putShort((short) 0xC000).putInt(-7).put((byte) 0).put((byte) 4).putFloat(2.5f);
        Map<String, TfTensor> out = new LinkedHashMap<>();
        TfjsGraph.decodeGroup(specs, b.array(), out);
        assertArrayEquals(new float[] {1f, -2f}, out.get("h").f);
        assertArrayEquals(new int[] {-7}, out.get("i").i);
        assertArrayEquals(new float[] {-1f, 1f}, out.get("q").f);
        assertEquals(0, out.get("e").size());
        assertArrayEquals(new long[0], out.get("f").shape);
        assertEquals(2.5f, out.get("f").f[0]);
        assertThrows(IllegalArgumentException.class, () -> TfjsGraph.decodeGroup(specs, new byte[b.capacity() + 1], new LinkedHashMap<>()));
    }

    @Test
    void depthwiseFilterPermutation() {
        // [kh=1, kw=2, C=2, M=2]: w[y][x][c][m] = 1000*y + 100*x + 10*c + m
        float[] w = new float[8];
        for (int x = 0; x < 2; x++) {
            for (int c = 0; c < 2; c++) {
                for (int m = 0; m < 2; m++) {
                    w[(x * 2 + c) * 2 + m] = 100 * x + 10 * c + m;
                }
            }
        }
        // → [C*M, 1, 1, 2]: output channel c*M+m holds (x=0, x=1)
        assertArrayEquals(new float[] {0, 100, 1, 101, 10, 110, 11, 111}, TfjsToOnnx.depthwiseToOihw(w, 1, 2, 2, 2));
    }

    @Test
    void conv2dFilterPermutation() {
        // HWIO [1,1,2,3] → OIHW [3,2,1,1]
        float[] w = {0, 1, 2, 10, 11, 12}; // w[i][o] = 10*i + o
        assertArrayEquals(new float[] {0, 10, 1, 11, 2, 12}, TfjsToOnnx.hwioToOihw(w, 1, 1, 2, 3));
    }

    @Test
    void constantFoldingOfShapeArithmetic() {
        TfTensor empty = TfTensor.ofInts(new long[] {0, 1}, new int[0]);
        TfTensor zeros = ConstantFolder.sparseToDense(empty, TfTensor.ofInts(new long[] {1}, new int[] {3}),
                TfTensor.ofInts(new long[] {0}, new int[0]), TfTensor.ofInts(new long[0], new int[] {0}));
        assertArrayEquals(new int[] {0, 0, 0}, zeros.i);
        TfTensor shape = ConstantFolder.elementwise(TfTensor.ofInts(new long[] {3}, new int[] {1, 80, -1}), zeros, '+');
        assertArrayEquals(new int[] {1, 80, -1}, shape.i);
        TfTensor one = ConstantFolder.sparseToDense(TfTensor.ofInts(new long[] {1, 1}, new int[] {2}),
                TfTensor.ofInts(new long[] {1}, new int[] {4}), TfTensor.ofInts(new long[0], new int[] {7}),
                TfTensor.ofInts(new long[0], new int[] {-1}));
        assertArrayEquals(new int[] {-1, -1, 7, -1}, one.i);
        TfTensor bc = ConstantFolder.elementwise(TfTensor.ofFloats(new long[] {2, 1}, new float[] {1, 2}),
                TfTensor.ofFloats(new long[] {3}, new float[] {10, 20, 30}), '*');
        assertArrayEquals(new long[] {2, 3}, bc.shape);
        assertArrayEquals(new float[] {10, 20, 30, 20, 40, 60}, bc.f);
    }

    @Test
    void naturalOutputOrder() {
        List<String> l = new ArrayList<>(List.of("Identity_10", "Identity_2", "Identity", "Identity_1"));
        l.sort(TfjsToOnnx::naturalCompare);
        assertEquals(List.of("Identity", "Identity_1", "Identity_2", "Identity_10"), l);
    }

    /**
     * End to end on a synthetic graph: Placeholder [-1,4,5,2] → DepthwiseConv2dNative (3x3, multiplier 2, SAME,
     * stride 2, float16 weights) → Identity; the ONNX result must equal a direct NHWC computation.
     */
    @Test
    void depthwiseSameStride2EndToEnd(@TempDir Path dir) throws Exception {
        int kh = 3, kw = 3, c = 2, mult = 2, h = 4, wd = 5;
        float[] filter = new float[kh * kw * c * mult];
        ByteBuffer bin = ByteBuffer.allocate(filter.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < filter.length; k++) {
            int half = 0x3000 + 37 * k; // assorted exactly representable values
            filter[k] = Float16.toFloat(half);
            bin.putShort((short) half);
        }
        Files.write(dir.resolve("m.bin"), bin.array());
        String json = """
                {"format":"graph-model","modelTopology":{"node":[
                 {"name":"x","op":"Placeholder","attr":{"dtype":{"type":"DT_FLOAT"},"shape":{"shape":{"dim":[{"size":"-1"},{"size":"4"},{"size":"5"},{"size":"2"}]}}}},
                 {"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"},"value":{"tensor":{"dtype":"DT_FLOAT","tensorShape":{"dim":[{"size":"3"},{"size":"3"},{"size":"2"},{"size":"2"}]}}}}},
                 {"name":"dw","op":"DepthwiseConv2dNative","input":["x","w"],"attr":{"padding":{"s":"U0FNRQ=="},"data_format":{"s":"TkhXQw=="},"strides":{"list":{"i":["1","2","2","1"]}},"dilations":{"list":{"i":["1","1","1","1"]}}}},
                 {"name":"Identity","op":"Identity","input":["dw"]}],"library":{},"versions":{}},
                 "signature":{"outputs":{"out":{"name":"Identity:0"}}},
                 "weightsManifest":[{"paths":["m.bin"],"weights":[{"name":"w","shape":[3,3,2,2],"dtype":"float32","quantization":{"dtype":"float16","original_dtype":"float32"}}]}]}
                """;
        Path mj = dir.resolve("m.json");
        Files.writeString(mj, json);
        byte[] onnx = TfjsToOnnx.convert(TfjsGraph.load(mj), new TfjsToOnnx.Options());
        assertArrayEquals(onnx, TfjsToOnnx.convert(TfjsGraph.load(mj), new TfjsToOnnx.Options()), "deterministic");

        float[] x = ParityInputs.random(42, -1, 1, 2 * h * wd * c);
        int oh = 2, ow = 3; // SAME, stride 2: ceil(4/2), ceil(5/2); total pad h=1 (0 before), w=2 (1 before)
        int padTop = 0, padLeft = 1;
        float[] expected = new float[2 * oh * ow * c * mult];
        for (int n = 0; n < 2; n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int ch = 0; ch < c; ch++) {
                        for (int m = 0; m < mult; m++) {
                            double acc = 0;
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * 2 + ky - padTop;
                                    int ix = ox * 2 + kx - padLeft;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                        continue;
                                    }
                                    acc += x[((n * h + iy) * wd + ix) * c + ch] * filter[((ky * kw + kx) * c + ch) * mult + m];
                                }
                            }
                            expected[((n * oh + oy) * ow + ox) * c * mult + ch * mult + m] = (float) acc;
                        }
                    }
                }
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, h, wd, c});
             OrtSession.Result r = s.run(Map.of("x", t))) {
            OnnxTensor out = (OnnxTensor) r.get("Identity").orElseThrow();
            assertArrayEquals(new long[] {2, oh, ow, c * mult}, out.getInfo().getShape());
            assertArrayEquals(expected, TfjsParityTest.floats(out), 1e-5f);
        }
    }
}
