package org.campusproctor.contract.media;

import java.util.zip.CRC32;

/**
 * What a JPEG or PNG says about itself before anything decodes it: the frame header (SOFn) of a JPEG or the IHDR
 * chunk of a PNG. Reading it walks the header segments and never touches a pixel, so an image that would be costly to
 * decode (a 48 KB PNG of 20000x20000 pixels) is refused before a decoder allocates anything for it. The exam
 * application reads it when a frame or an enrolment photo arrives; the vision workers read it again before decoding.
 * <p>
 * What is accepted: baseline, extended and progressive Huffman JPEG of 8-bit samples with one (grey) or three (colour)
 * components, and any valid PNG; each side {@value #MIN_SIDE}..{@value #MAX_SIDE} pixels and at most
 * {@value #MAX_PIXELS} pixels in all (8.4 megapixels: a 4K UHD screen, 3840x2160, fits; a 4096x4096 image does not).
 * Decoding such an image takes at most 3 bytes per pixel for the BGR result (24 MiB), plus, for a progressive JPEG,
 * 2 bytes per pixel and component for the coefficients the decoder buffers (48 MiB at 4:4:4).
 *
 * @param components colour components as stored (JPEG: 1 or 3; PNG: 1 grey or palette, 2 grey+alpha, 3 RGB, 4 RGBA)
 * @param bitDepth   bits per sample (JPEG: 8; PNG: 1, 2, 4, 8 or 16)
 * @param progressive a progressive JPEG or an interlaced PNG (decoded in passes over the whole image)
 */
public record ImageHeader(Format format, int width, int height, int components, int bitDepth, boolean progressive) {

    public enum Format { JPEG, PNG }

    /** Smallest side worth analysing; anything below is a broken capture. */
    public static final int MIN_SIDE = 64;
    /** Largest side: webcams and screens stay well below it. */
    public static final int MAX_SIDE = 4096;
    /** Largest image in pixels, whatever its sides: 2^23, 8.4 megapixels. */
    public static final long MAX_PIXELS = 1L << 23;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public long pixels() {
        return (long) width * height;
    }

    /**
     * The header of a JPEG or PNG, read from its first bytes.
     *
     * @throws UnusableImageException NOT_AN_IMAGE (neither format), MALFORMED_IMAGE (truncated or inconsistent header)
     *                                or UNSUPPORTED_IMAGE (a JPEG variant no webcam or browser produces)
     */
    public static ImageHeader read(byte[] bytes) {
        if (bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return jpeg(bytes);
        }
        if (bytes.length >= 4 && u8(bytes, 0) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return png(bytes);
        }
        throw new UnusableImageException(UnusableImageException.Reason.NOT_AN_IMAGE, "Neither JPEG nor PNG");
    }

    /** {@link #read}, then the size limits: what may be decoded. */
    public static ImageHeader readDecodable(byte[] bytes) {
        return read(bytes).requireDecodableSize();
    }

    /**
     * @return this header when its size is within the limits
     * @throws UnusableImageException DIMENSIONS_TOO_SMALL or DIMENSIONS_TOO_LARGE
     */
    public ImageHeader requireDecodableSize() {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new UnusableImageException(UnusableImageException.Reason.DIMENSIONS_TOO_SMALL,
                    describe() + ": each side must be at least " + MIN_SIDE + " pixels");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || pixels() > MAX_PIXELS) {
            throw new UnusableImageException(UnusableImageException.Reason.DIMENSIONS_TOO_LARGE,
                    describe() + ": at most " + MAX_SIDE + " pixels per side and " + MAX_PIXELS + " pixels in all");
        }
        return this;
    }

    private String describe() {
        return format + " of " + width + "x" + height + " pixels";
    }

    // ---- JPEG: the marker segments up to the first scan (ITU T.81 B.1) ---------------------------------------------

    private static ImageHeader jpeg(byte[] b) {
        ImageHeader frame = null;
        int p = 2;
        while (true) {
            if (p >= b.length) {
                throw malformed("JPEG ends before its first scan");
            }
            if (u8(b, p) != 0xFF) {
                throw malformed("JPEG marker expected at byte " + p);
            }
            while (p < b.length && u8(b, p) == 0xFF) {
                p++; // fill bytes
            }
            if (p >= b.length) {
                throw malformed("JPEG ends before its first scan");
            }
            int marker = u8(b, p++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM, RSTn: no segment
            }
            if (marker == 0x00 || marker == 0xD8 || marker == 0xD9) {
                throw malformed("JPEG has no frame and scan before marker 0x" + Integer.toHexString(marker).toUpperCase());
            }
            if (p + 2 > b.length) {
                throw malformed("JPEG ends inside the segment of marker 0x" + Integer.toHexString(marker).toUpperCase());
            }
            int length = u16(b, p);
            if (length < 2 || p + length > b.length) {
                throw malformed("JPEG segment of marker 0x" + Integer.toHexString(marker).toUpperCase() + " at byte "
                        + (p - 2) + " claims " + length + " bytes, " + (b.length - p) + " remain");
            }
            if (isFrameHeader(marker)) {
                if (frame != null) {
                    throw malformed("JPEG has a second frame header before its first scan");
                }
                frame = frameHeader(marker, b, p + 2, length - 2);
            } else if (marker == 0xDA) {
                if (frame == null) {
                    throw malformed("JPEG scan before any frame header");
                }
                return frame;
            }
            p += length;
        }
    }

    private static boolean isFrameHeader(int marker) {
        // SOF0..SOF15 less DHT (C4), JPG (C8) and DAC (CC), which share the range
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static ImageHeader frameHeader(int marker, byte[] b, int at, int length) {
        if (length < 6) {
            throw malformed("JPEG frame header of " + length + " bytes");
        }
        int precision = u8(b, at);
        int height = u16(b, at + 1);
        int width = u16(b, at + 3);
        int components = u8(b, at + 5);
        if (length != 6 + 3 * components) {
            throw malformed("JPEG frame header of " + length + " bytes for " + components + " components");
        }
        for (int c = 0; c < components; c++) {
            int sampling = u8(b, at + 6 + 3 * c + 1);
            int h = sampling >> 4;
            int v = sampling & 0x0F;
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw malformed("JPEG component " + c + " has sampling factors " + h + "x" + v);
            }
        }
        if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2) {
            throw new UnusableImageException(UnusableImageException.Reason.UNSUPPORTED_IMAGE,
                    "JPEG coding SOF" + (marker - 0xC0) + " (lossless, hierarchical or arithmetic) is not supported");
        }
        if (precision != 8) {
            throw new UnusableImageException(UnusableImageException.Reason.UNSUPPORTED_IMAGE,
                    "JPEG of " + precision + "-bit samples is not supported (8-bit only)");
        }
        if (components != 1 && components != 3) {
            throw new UnusableImageException(UnusableImageException.Reason.UNSUPPORTED_IMAGE,
                    "JPEG of " + components + " components is not supported (grey or colour only)");
        }
        if (height == 0) {
            throw new UnusableImageException(UnusableImageException.Reason.UNSUPPORTED_IMAGE,
                    "JPEG whose height is only given after the first scan (DNL) is not supported");
        }
        return new ImageHeader(Format.JPEG, width, height, components, precision, marker == 0xC2);
    }

    // ---- PNG: the signature and the IHDR chunk, which must come first (PNG spec 5.2, 11.2.2) ------------------------

    private static ImageHeader png(byte[] b) {
        if (b.length < 8 + 8 + 13 + 4) {
            throw malformed("PNG ends before its IHDR chunk");
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                throw malformed("PNG signature damaged at byte " + i);
            }
        }
        if (u32(b, 8) != 13 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw malformed("PNG does not start with a 13-byte IHDR chunk");
        }
        CRC32 crc = new CRC32();
        crc.update(b, 12, 4 + 13);
        if (crc.getValue() != u32(b, 8 + 8 + 13)) {
            throw malformed("PNG IHDR checksum does not match");
        }
        long width = u32(b, 16);
        long height = u32(b, 20);
        int depth = u8(b, 24);
        int colourType = u8(b, 25);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw malformed("PNG of " + width + "x" + height + " pixels");
        }
        int components = switch (colourType) {
            case 0 -> validDepth(depth, 1, 2, 4, 8, 16) ? 1 : -1;
            case 2 -> validDepth(depth, 8, 16) ? 3 : -1;
            case 3 -> validDepth(depth, 1, 2, 4, 8) ? 1 : -1;
            case 4 -> validDepth(depth, 8, 16) ? 2 : -1;
            case 6 -> validDepth(depth, 8, 16) ? 4 : -1;
            default -> -1;
        };
        if (components < 0) {
            throw malformed("PNG colour type " + colourType + " with bit depth " + depth + " does not exist");
        }
        if (b[26] != 0 || b[27] != 0 || (b[28] != 0 && b[28] != 1)) {
            throw malformed("PNG compression, filter or interlace method unknown");
        }
        return new ImageHeader(Format.PNG, (int) width, (int) height, components, depth, b[28] == 1);
    }

    private static boolean validDepth(int depth, int... allowed) {
        for (int a : allowed) {
            if (a == depth) {
                return true;
            }
        }
        return false;
    }

    private static UnusableImageException malformed(String message) {
        return new UnusableImageException(UnusableImageException.Reason.MALFORMED_IMAGE, message);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
