package org.campusproctor.infrastructure.batch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.contract.media.MediaStore;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Deletes media (and their analyses) stored before a cutoff, in bounded transactions. */
@Stateless
public class MediaRetention {

    private static final Logger LOG = Logger.getLogger(MediaRetention.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MediaStore store;

    /** Purges up to {@code max} objects; returns how many were purged. Called repeatedly by the batch job. */
    public int purgeBatch(Instant cutoff, int max) {
        List<StoredMedia> old = em.createNamedQuery(StoredMedia.OLDER_THAN, StoredMedia.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList();
        for (StoredMedia media : old) {
            em.createNamedQuery(FrameAnalysisRecord.DELETE_FOR_MEDIA).setParameter("mediaId", media.id()).executeUpdate();
            em.remove(media);
            if (!store.delete(media.storageKey())) {
                LOG.warning(() -> "Media file already gone: " + media.storageKey());
            }
        }
        return old.size();
    }
}
