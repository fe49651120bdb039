package org.campusproctor.application;

/** JPEG or PNG, told by the magic bytes: the Content-Type header of a request is not evidence. */
enum ImageFormat {
    JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    /** @throws FrameRejectedException when the bytes are empty, over {@code maxBytes} or neither JPEG nor PNG */
    static ImageFormat of(byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            throw new FrameRejectedException(FrameRejectedException.Reason.EMPTY, "Empty image");
        }
        if (bytes.length > maxBytes) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Image of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return PNG;
        }
        throw new FrameRejectedException(FrameRejectedException.Reason.NOT_AN_IMAGE, "Neither JPEG nor PNG");
    }
}
