package org.campusproctor.infrastructure.media;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.media.StoredObject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Media store writes and deletes that follow the current transaction, the one that writes or removes the index row.
 * A written file is in place before the commit (the vision worker may read it as soon as the frame message is
 * delivered) and deleted again if the transaction rolls back; a file is deleted only after the removal of its row has
 * committed. Until then its key is marked unsettled, so that a crash in between is repaired by
 * {@link AbandonedMediaSweep}: files without a row go, files with a row stay.
 */
@ApplicationScoped
public class TransactionalMedia {

    private static final Logger LOG = Logger.getLogger(TransactionalMedia.class.getName());

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private MediaStore store;

    /** Stores the bytes for the row the current transaction writes; they go again if the transaction does not commit. */
    public StoredObject put(String key, byte[] bytes) {
        store.markUnsettled(key);
        StoredObject stored;
        try {
            stored = store.put(key, bytes);
        } catch (RuntimeException e) {
            store.delete(key);
            store.settle(key);
            throw e;
        }
        transaction.registerInterposedSynchronization(new Outcome(key, false));
        return stored;
    }

    /** Deletes the object once the current transaction, which removes its row, has committed. */
    public void deleteOnCommit(String key) {
        store.markUnsettled(key);
        transaction.registerInterposedSynchronization(new Outcome(key, true));
    }

    private final class Outcome implements Synchronization {
        private final String key;
        private final boolean rowRemoved;

        Outcome(String key, boolean rowRemoved) {
            this.key = key;
            this.rowRemoved = rowRemoved;
        }

        @Override
        public void beforeCompletion() {
            // the file is in place (or still there) whatever the outcome: nothing to do before it is known
        }

        @Override
        public void afterCompletion(int status) {
            try {
                if (status == Status.STATUS_COMMITTED ? rowRemoved : status == Status.STATUS_ROLLEDBACK && !rowRemoved) {
                    store.delete(key);
                }
                if (status == Status.STATUS_COMMITTED || status == Status.STATUS_ROLLEDBACK) {
                    store.settle(key);
                } // any other outcome (heuristic, unknown) is left to the sweep, which asks the index
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Media " + key + " left unsettled for the sweep: " + e.getMessage(), e);
            }
        }
    }
}
