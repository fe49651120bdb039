package org.campusproctor.weights.tfjs;

import java.util.Arrays;

/** A constant TensorFlow tensor as decoded from the weight shards: float32 or int32 data (bool stored as int32 0/1). */
public final class TfTensor {
    public enum Type { FLOAT32, INT32 }

    public final Type type;
    public final long[] shape;
    public final float[] f;
    public final int[] i;

    private TfTensor(Type type, long[] shape, float[] f, int[] i) {
        this.type = type;
        this.shape = shape.clone();
        this.f = f;
        this.i = i;
        long n = numElements(shape);
        if ((f != null ? f.length : i.length) != n) {
            throw new IllegalArgumentException("data length does not match shape " + Arrays.toString(shape));
        }
    }

    public static TfTensor ofFloats(long[] shape, float[] data) {
        return new TfTensor(Type.FLOAT32, shape, data, null);
    }

    public static TfTensor ofInts(long[] shape, int[] data) {
        return new TfTensor(Type.INT32, shape, null, data);
    }

    public static long numElements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public int size() {
        return f != null ? f.length : i.length;
    }

    public double get(int k) {
        return f != null ? f[k] : i[k];
    }

    public long[] asLongs() {
        long[] r = new long[size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = f != null ? (long) f[k] : i[k];
        }
        return r;
    }

    public float[] asFloats() {
        if (f != null) {
            return f;
        }
        float[] r = new float[i.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = i[k];
        }
        return r;
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape);
    }
}
