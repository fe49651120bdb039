package org.campusproctor.weights.tfjs;

import org.campusproctor.weights.tfjs.TfjsGraph.TfNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates nodes whose inputs are all constants, for the small set of ops that appear in shape arithmetic
 * (onnx-tf-converted graphs such as NanoDet compute Reshape targets as {@code const + SparseToDense(empty, [3], 0)}).
 * Folded nodes are added to the constant map; nodes with unsupported ops are left for the converter.
 */
final class ConstantFolder {
    private ConstantFolder() {
    }

    static void fold(List<TfNode> topoOrder, Map<String, TfTensor> consts) {
        for (TfNode n : topoOrder) {
            if (consts.containsKey(n.name) || n.inputs.isEmpty()) {
                continue;
            }
            boolean allConst = true;
            for (String i : n.inputs) {
                if (TfjsToOnnx.indexOf(i) != 0 || !consts.containsKey(TfjsToOnnx.nodeOf(i))) {
                    allConst = false;
                    break;
                }
            }
            if (!allConst) {
                continue;
            }
            TfTensor[] in = new TfTensor[n.inputs.size()];
            for (int k = 0; k < in.length; k++) {
                in[k] = consts.get(TfjsToOnnx.nodeOf(n.inputs.get(k)));
            }
            TfTensor r = evaluate(n, in);
            if (r != null) {
                consts.put(n.name, r);
            }
        }
    }

    static TfTensor evaluate(TfNode n, TfTensor[] in) {
        return switch (n.op) {
            case "Identity" -> in[0];
            case "Add", "AddV2" -> elementwise(in[0], in[1], '+');
            case "Sub" -> elementwise(in[0], in[1], '-');
            case "Mul" -> elementwise(in[0], in[1], '*');
            case "SparseToDense" -> sparseToDense(in[0], in[1], in[2], in[3]);
            default -> null;
        };
    }

    /** Numpy-style broadcasting binary op; int32 if both are int32. */
    static TfTensor elementwise(TfTensor a, TfTensor b, char op) {
        int rank = Math.max(a.shape.length, b.shape.length);
        long[] shape = new long[rank];
        for (int k = 0; k < rank; k++) {
            long da = dim(a.shape, k, rank);
            long db = dim(b.shape, k, rank);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("incompatible shapes " + Arrays.toString(a.shape) + " " + Arrays.toString(b.shape));
            }
            shape[k] = da == 1 ? db : da;
        }
        int n = Math.toIntExact(TfTensor.numElements(shape));
        boolean ints = a.type == TfTensor.Type.INT32 && b.type == TfTensor.Type.INT32;
        int[] ri = ints ? new int[n] : null;
        float[] rf = ints ? null : new float[n];
        int[] idx = new int[rank];
        for (int e = 0; e < n; e++) {
            int rem = e;
            for (int k = rank - 1; k >= 0; k--) {
                idx[k] = (int) (rem % shape[k]);
                rem /= shape[k];
            }
            double x = a.get(flat(a.shape, idx, rank));
            double y = b.get(flat(b.shape, idx, rank));
            double v = switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                default -> x * y;
            };
            if (ints) {
                ri[e] = (int) v;
            } else {
                rf[e] = (float) v;
            }
        }
        return ints ? TfTensor.ofInts(shape, ri) : TfTensor.ofFloats(shape, rf);
    }

    private static long dim(long[] shape, int k, int rank) {
        int off = k - (rank - shape.length);
        return off < 0 ? 1 : shape[off];
    }

    private static int flat(long[] shape, int[] idx, int rank) {
        int f = 0;
        for (int k = 0; k < shape.length; k++) {
            int i = idx[k + rank - shape.length];
            f = (int) (f * shape[k] + (shape[k] == 1 ? 0 : i));
        }
        return f;
    }

    /** tf.sparse_to_dense(sparse_indices, output_shape, sparse_values, default_value). */
    static TfTensor sparseToDense(TfTensor indices, TfTensor outShape, TfTensor values, TfTensor def) {
        long[] shape = outShape.asLongs();
        int n = Math.toIntExact(TfTensor.numElements(shape));
        boolean ints = values.type == TfTensor.Type.INT32;
        int[] ri = ints ? new int[n] : null;
        float[] rf = ints ? null : new float[n];
        for (int e = 0; e < n; e++) {
            if (ints) {
                ri[e] = (int) def.get(0);
            } else {
                rf[e] = (float) def.get(0);
            }
        }
        int count = indices.shape.length == 0 ? 1 : (int) indices.shape[0];
        int width = indices.shape.length < 2 ? 1 : (int) indices.shape[1];
        for (int s = 0; s < count; s++) {
            int f = 0;
            for (int k = 0; k < width; k++) {
                f = (int) (f * (width == 1 ? n : shape[k]) + indices.get(s * width + k));
            }
            double v = values.size() == 1 ? values.get(0) : values.get(s);
            if (ints) {
                ri[f] = (int) v;
            } else {
                rf[f] = (float) v;
            }
        }
        return ints ? TfTensor.ofInts(shape, ri) : TfTensor.ofFloats(shape, rf);
    }
}
