package org.campusproctor.contract.media;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Where frames, enrolment photos and screen-recording chunks are kept, by key. The exam application writes, the
 * vision workers read; on several nodes every node sees the same store. Keys are relative paths of safe characters
 * ({@code [A-Za-z0-9._-]} segments separated by {@code /}, none starting with a dot): a key taken from a message can
 * never escape the store.
 * <p>
 * An object whose index row a database transaction writes or removes is <em>unsettled</em> until that transaction
 * has completed: {@link #markUnsettled} before touching it, {@link #settle} once the outcome has been applied. A
 * crash in between leaves the mark, and {@link #sweepAbandoned} later keeps the object if and only if the index has
 * it: no file without a row survives a crash, and no row loses its file.
 */
public interface MediaStore {

    /** Stores the bytes atomically (a reader never sees half an object) and returns their size and SHA-256. */
    StoredObject put(String key, byte[] bytes);

    /** @throws MediaNotFoundException when nothing is stored under the key (purged, or never written) */
    byte[] get(String key);

    /** @return whether something was deleted */
    boolean delete(String key);

    /** Notes that whether the object under the key stays depends on a transaction that has not completed yet. */
    void markUnsettled(String key);

    /** The transaction's outcome has been applied to the object: the mark goes. */
    void settle(String key);

    /**
     * Settles what a crash left unsettled: the marks of an earlier run of this server, and any mark older than
     * {@code olderThan} (a transaction of another node sharing the store cannot take that long). The object under each
     * such key is deleted unless {@code indexed} says the index has it.
     *
     * @return how many objects were deleted
     */
    int sweepAbandoned(Duration olderThan, Predicate<String> indexed);
}
