package org.campusproctor.application;

import org.campusproctor.contract.media.ImageHeader;
import org.campusproctor.contract.media.UnusableImageException;

/**
 * JPEG or PNG, told by the image's own header: the Content-Type header of a request is not evidence. The header's
 * dimensions are checked here, before anything is stored, so an image the vision workers would refuse to decode (a
 * decompression bomb among them) is refused at the door.
 */
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

    /**
     * @throws FrameRejectedException when the bytes are empty, over {@code maxBytes}, neither JPEG nor PNG, or an image
     *                                whose header is malformed, of an unsupported kind or outside the size limits
     */
    static ImageFormat of(byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            throw new FrameRejectedException(FrameRejectedException.Reason.EMPTY, "Empty image");
        }
        if (bytes.length > maxBytes) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Image of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        try {
            return ImageHeader.readDecodable(bytes).format() == ImageHeader.Format.JPEG ? JPEG : PNG;
        } catch (UnusableImageException e) {
            throw new FrameRejectedException(switch (e.reason()) {
                case NOT_AN_IMAGE -> FrameRejectedException.Reason.NOT_AN_IMAGE;
                case MALFORMED_IMAGE -> FrameRejectedException.Reason.MALFORMED_IMAGE;
                case UNSUPPORTED_IMAGE -> FrameRejectedException.Reason.UNSUPPORTED_IMAGE;
                case DIMENSIONS_TOO_SMALL -> FrameRejectedException.Reason.DIMENSIONS_TOO_SMALL;
                case DIMENSIONS_TOO_LARGE -> FrameRejectedException.Reason.DIMENSIONS_TOO_LARGE;
            }, e.getMessage());
        }
    }
}
