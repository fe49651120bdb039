package org.campusproctor.contract.media;

/** Where the media store put some bytes, how many, and their SHA-256 (hex). */
public record StoredObject(String key, long sizeBytes, String sha256) {
}
