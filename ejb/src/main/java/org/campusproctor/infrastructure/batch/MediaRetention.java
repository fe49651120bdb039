package org.campusproctor.infrastructure.batch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes media (and their analyses) stored before a cutoff that nothing still needs, in bounded transactions:
 * <ul>
 *     <li>frames and recording chunks only of attempts whose review is FINAL (never of a running attempt or one in
 *     review), and never one an incident names as evidence;</li>
 *     <li>enrolment photos only of closed registrations (their attempt's review is FINAL, or they never had an
 *     attempt and their exam is archived); a registration loses its reference to a purged photo.</li>
 * </ul>
 * The rules are the queries ({@link StoredMedia#PURGEABLE_ATTEMPT_MEDIA}, {@link StoredMedia#PURGEABLE_ENROLMENT_PHOTOS}),
 * so a kept object is never examined twice. Files are deleted once the removal of their rows has committed.
 */
@Stateless
public class MediaRetention {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    /** Purges up to {@code max} objects; returns how many were purged. Called repeatedly by the batch job. */
    public int purgeBatch(Instant cutoff, int max) {
        List<StoredMedia> purgeable = new ArrayList<>(em.createNamedQuery(StoredMedia.PURGEABLE_ATTEMPT_MEDIA,
                StoredMedia.class).setParameter("cutoff", cutoff).setMaxResults(max).getResultList());
        if (purgeable.size() < max) {
            purgeable.addAll(em.createNamedQuery(StoredMedia.PURGEABLE_ENROLMENT_PHOTOS, StoredMedia.class)
                    .setParameter("cutoff", cutoff).setMaxResults(max - purgeable.size()).getResultList());
        }
        for (StoredMedia item : purgeable) {
            if (item.kind() == MediaKind.ENROLMENT_PHOTO) {
                em.createNamedQuery(Registration.WITH_ENROLMENT_PHOTO, Registration.class)
                        .setParameter("mediaId", item.id()).getResultList()
                        .forEach(Registration::forgetEnrolmentPhoto);
                em.flush(); // the reference goes before the row it refers to
            } else {
                em.createNamedQuery(FrameAnalysisRecord.DELETE_FOR_MEDIA).setParameter("mediaId", item.id()).executeUpdate();
            }
            em.remove(item);
            media.deleteOnCommit(item.storageKey());
        }
        return purgeable.size();
    }
}
