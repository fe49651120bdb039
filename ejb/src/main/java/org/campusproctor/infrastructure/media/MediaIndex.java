package org.campusproctor.infrastructure.media;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.job.JobFile;
import org.campusproctor.domain.media.StoredMedia;

/** The media index as the store's sweep asks it: is there a row (media or a batch job's file) for this key? Each question is its own transaction. */
@Stateless
public class MediaIndex {

    @PersistenceContext
    private EntityManager em;

    public boolean has(String storageKey) {
        return em.createNamedQuery(StoredMedia.EXISTS_WITH_KEY, Long.class).setParameter("key", storageKey)
                .getSingleResult() > 0
                || em.createNamedQuery(JobFile.EXISTS_WITH_KEY, Long.class).setParameter("key", storageKey)
                .getSingleResult() > 0;
    }
}
