package org.campusproctor.contract.media;

/**
 * Where frames, enrolment photos and screen-recording chunks are kept, by key. The exam application writes, the
 * vision workers read; on several nodes every node sees the same store. Keys are relative paths of safe characters
 * ({@code [A-Za-z0-9._-]} segments separated by {@code /}): a key taken from a message can never escape the store.
 */
public interface MediaStore {

    /** Stores the bytes atomically (a reader never sees half an object) and returns their size and SHA-256. */
    StoredObject put(String key, byte[] bytes);

    /** @throws MediaNotFoundException when nothing is stored under the key (purged, or never written) */
    byte[] get(String key);

    /** @return whether something was deleted */
    boolean delete(String key);
}
