package org.campusproctor.weights.tfjs;

/** IEEE 754 binary16 → binary32 widening (exact: every half value is representable as a float). */
public final class Float16 {
    private Float16() {
    }

    public static float toFloat(int half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign); // ±0
            }
            // subnormal: mant * 2^-24
            float f = mant * 0x1p-24f;
            return sign == 0 ? f : -f;
        }
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13)); // inf / NaN (payload kept)
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
