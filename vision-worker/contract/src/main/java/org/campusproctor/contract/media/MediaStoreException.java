package org.campusproctor.contract.media;

/** The media store could not read or write an object (disk full, missing file, invalid key). */
public class MediaStoreException extends RuntimeException {
    public MediaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
