package org.campusproctor.weights.tfjs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Minimal protocol-buffers wire-format writer (proto2/proto3 encoding is the same on the wire):
 * varints, 32-bit floats, length-delimited bytes/strings/sub-messages and packed repeated fields.
 * Only what the ONNX {@code ModelProto} needs.
 */
public final class ProtoWriter {

    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LEN = 2;
    static final int WIRE_FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    void rawVarint(long v) {
        // int64 is encoded as an unsigned 64-bit varint (negative values take 10 bytes)
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawFixed32(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 24) & 0xFF);
    }

    /** int32/int64/enum/bool field (always written, also when 0). */
    public ProtoWriter int64(int field, long v) {
        tag(field, WIRE_VARINT);
        rawVarint(v);
        return this;
    }

    public ProtoWriter float32(int field, float v) {
        tag(field, WIRE_FIXED32);
        rawFixed32(Float.floatToRawIntBits(v));
        return this;
    }

    public ProtoWriter bytes(int field, byte[] b) {
        tag(field, WIRE_LEN);
        rawVarint(b.length);
        out.writeBytes(b);
        return this;
    }

    public ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter message(int field, ProtoWriter sub) {
        return bytes(field, sub.toByteArray());
    }

    /** Packed repeated int64 (proto3 default; accepted by proto2 parsers for repeated scalars). */
    public ProtoWriter packedInt64(int field, long[] values) {
        if (values.length == 0) {
            return this;
        }
        ProtoWriter tmp = new ProtoWriter();
        for (long v : values) {
            tmp.rawVarint(v);
        }
        return bytes(field, tmp.toByteArray());
    }

    public ProtoWriter packedFloat32(int field, float[] values) {
        if (values.length == 0) {
            return this;
        }
        ProtoWriter tmp = new ProtoWriter();
        for (float v : values) {
            tmp.rawFixed32(Float.floatToRawIntBits(v));
        }
        return bytes(field, tmp.toByteArray());
    }
}
