package org.campusproctor.infrastructure.batch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.domain.media.FrameAnalysisRecord;
import org.campusproctor.domain.media.ReanalysedFrame;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes media (and their analyses) of one exam stored before the exam's cutoff that nothing still needs, in bounded
 * transactions:
 * <ul>
 *     <li>frames and recording chunks only of attempts whose review is FINAL (never of a running attempt or one in
 *     review), and never one an incident names as evidence;</li>
 *     <li>enrolment photos only of closed registrations (their attempt's review is FINAL, or they never had an
 *     attempt and their exam is archived); a registration loses its reference to a purged photo.</li>
 * </ul>
 * The rules are the queries ({@link StoredMedia#PURGEABLE_ATTEMPT_MEDIA}, {@link StoredMedia#PURGEABLE_ENROLMENT_PHOTOS}),
 * so a kept object is never examined twice; a dry run counts with the same rules. Rows and files go together: a file
 * is deleted once the removal of its row has committed ({@link TransactionalMedia}).
 */
@Stateless
public class MediaRetention {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    /** An exam and how long its media is kept. */
    public record ExamRetention(String examId, int days) {
        Instant cutoff(Instant now) {
            return now.minus(Duration.ofDays(days));
        }
    }

    /** What a purge (or a dry run) found: objects and their bytes. */
    public record Purged(long objects, long bytes) {
        Purged plus(Purged other) {
            return new Purged(objects + other.objects, bytes + other.bytes);
        }
    }

    /** Every exam with its retention in days: its own, or {@code defaultDays}. */
    public List<ExamRetention> exams(int defaultDays) {
        return em.createQuery("SELECT e.id, e.mediaRetentionDays FROM Exam e ORDER BY e.createdAt", Object[].class)
                .getResultList().stream()
                .map(r -> new ExamRetention((String) r[0], r[1] == null ? defaultDays : ((Number) r[1]).intValue()))
                .toList();
    }

    /** What a purge of the exam would delete now. */
    public Purged dryRun(ExamRetention exam, Instant now) {
        Purged total = new Purged(0, 0);
        for (String query : List.of(StoredMedia.PURGEABLE_ATTEMPT_MEDIA_COUNT, StoredMedia.PURGEABLE_ENROLMENT_PHOTOS_COUNT)) {
            Object[] r = em.createNamedQuery(query, Object[].class).setParameter("cutoff", exam.cutoff(now))
                    .setParameter("examId", exam.examId()).getSingleResult();
            total = total.plus(new Purged(((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()));
        }
        return total;
    }

    /** Purges up to {@code max} objects of the exam; called repeatedly until it purges fewer. */
    public Purged purgeBatch(ExamRetention exam, Instant now, int max) {
        Instant cutoff = exam.cutoff(now);
        List<StoredMedia> purgeable = new ArrayList<>(em.createNamedQuery(StoredMedia.PURGEABLE_ATTEMPT_MEDIA,
                StoredMedia.class).setParameter("cutoff", cutoff).setParameter("examId", exam.examId())
                .setMaxResults(max).getResultList());
        if (purgeable.size() < max) {
            purgeable.addAll(em.createNamedQuery(StoredMedia.PURGEABLE_ENROLMENT_PHOTOS, StoredMedia.class)
                    .setParameter("cutoff", cutoff).setParameter("examId", exam.examId())
                    .setMaxResults(max - purgeable.size()).getResultList());
        }
        long bytes = 0;
        for (StoredMedia item : purgeable) {
            if (item.kind() == MediaKind.ENROLMENT_PHOTO) {
                em.createNamedQuery(Registration.WITH_ENROLMENT_PHOTO, Registration.class)
                        .setParameter("mediaId", item.id()).getResultList()
                        .forEach(Registration::forgetEnrolmentPhoto);
                em.flush(); // the reference goes before the row it refers to
            } else {
                em.createNamedQuery(FrameAnalysisRecord.DELETE_FOR_MEDIA).setParameter("mediaId", item.id()).executeUpdate();
                em.createNamedQuery(ReanalysedFrame.DELETE_FOR_MEDIA).setParameter("mediaId", item.id()).executeUpdate();
            }
            em.remove(item);
            media.deleteOnCommit(item.storageKey());
            bytes += item.sizeBytes();
        }
        return new Purged(purgeable.size(), bytes);
    }
}
