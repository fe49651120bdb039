package org.campusproctor.contract.media;

/** Nothing is stored under the key (purged by retention, or never written): retrying will not help. */
public class MediaNotFoundException extends MediaStoreException {
    public MediaNotFoundException(String message) {
        super(message, null);
    }
}
