package org.campusproctor.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.media.StoredMedia;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Back-pressure on webcam frames, decided before a frame is stored (an accepted frame is never dropped):
 * <ul>
 *     <li>While more frames await analysis than {@link Settings#FRAMES_MAX_PENDING}, uploads are refused. The count
 *     is of accepted frames of the last {@value #COUNTED_MINUTES} minutes without a recorded analysis (an indexed
 *     query, shared by every node through the database), taken at most every {@value #RECOUNT_MILLIS} ms per node.
 *     A frame still unanalysed after that long has been dead-lettered (or its workers are down) and no longer holds
 *     uploads back.</li>
 *     <li>One attempt's frames are taken at one per {@link Settings#FRAMES_MIN_INTERVAL_MS} on average, with bursts
 *     of up to {@value #BURST} (a client catching up after a network hiccup). The allowance is kept per node, in
 *     memory: a candidate's uploads reach the node of their session.</li>
 * </ul>
 */
@ApplicationScoped
public class FrameAdmission {

    private static final Logger LOG = Logger.getLogger(FrameAdmission.class.getName());

    static final int BURST = 5;
    static final int COUNTED_MINUTES = 10;
    static final long RECOUNT_MILLIS = 250;

    @PersistenceContext
    private EntityManager em;

    /** Per attempt: the theoretical arrival time of its next frame (generic cell rate algorithm), in nanos. */
    private final ConcurrentHashMap<String, AtomicLong> nextFrameAt = new ConcurrentHashMap<>();
    private final AtomicLong admissions = new AtomicLong();

    private final ReentrantLock recount = new ReentrantLock();
    private volatile long awaiting;
    private volatile long countedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private volatile boolean full;

    /**
     * Lets one frame of the attempt in, or says when to come back.
     *
     * @param frameIntervalSeconds the exam's frame interval: how long a client waits while the workers catch up
     * @throws FrameThrottledException FRAME_QUEUE_FULL or FRAME_RATE_EXCEEDED
     */
    public void admit(String attemptId, int frameIntervalSeconds) {
        Duration minInterval = Duration.ofMillis(Settings.FRAMES_MIN_INTERVAL_MS.value());
        int maxPending = Settings.FRAMES_MAX_PENDING.value();
        long pending = awaitingAnalysis();
        if (pending >= maxPending) {
            if (!full) {
                full = true;
                LOG.warning(() -> pending + " frames await analysis (limit " + maxPending + "): uploads refused with 429");
            }
            throw new FrameThrottledException(FrameThrottledException.Reason.FRAME_QUEUE_FULL,
                    "The vision workers are behind: send the next frame later",
                    Duration.ofSeconds(Math.max(1, frameIntervalSeconds)), minInterval);
        }
        if (full) {
            full = false;
            LOG.info(() -> pending + " frames await analysis (limit " + maxPending + "): uploads accepted again");
        }
        if (!minInterval.isZero()) {
            long now = System.nanoTime();
            long wait = take(nextFrameAt.computeIfAbsent(attemptId, id -> new AtomicLong(now)), now, minInterval.toNanos());
            if (admissions.incrementAndGet() % 1024 == 0) {
                nextFrameAt.values().removeIf(next -> next.get() < now); // idle attempts: a full allowance, no entry
            }
            if (wait > 0) {
                LOG.fine(() -> "Attempt " + attemptId + " uploads faster than one frame per " + minInterval.toMillis() + " ms");
                throw new FrameThrottledException(FrameThrottledException.Reason.FRAME_RATE_EXCEEDED,
                        "Frames of this attempt come faster than one per " + minInterval.toMillis() + " ms",
                        Duration.ofNanos(wait), minInterval);
            }
        }
    }

    /** Accepted frames of the last minutes without a recorded analysis: the backlog of the vision workers. */
    public long awaitingAnalysis() {
        long now = System.nanoTime();
        if (now - countedAt > TimeUnit.MILLISECONDS.toNanos(RECOUNT_MILLIS) && recount.tryLock()) {
            try { // one request recounts; the others use the count of a moment ago
                awaiting = em.createNamedQuery(StoredMedia.AWAITING_ANALYSIS_SINCE, Long.class)
                        .setParameter("since", Instant.now().minus(Duration.ofMinutes(COUNTED_MINUTES)))
                        .getSingleResult();
                countedAt = now;
            } finally {
                recount.unlock();
            }
        }
        return awaiting;
    }

    /**
     * Takes one frame from an allowance of one per {@code interval} with bursts of {@link #BURST}.
     *
     * @return 0 when taken, else the nanos until the next frame would be
     */
    static long take(AtomicLong nextFrameAt, long now, long interval) {
        while (true) {
            long next = nextFrameAt.get();
            long due = Math.max(next, now);
            long early = due - now - (BURST - 1) * interval;
            if (early > 0) {
                return early;
            }
            if (nextFrameAt.compareAndSet(next, due + interval)) {
                return 0;
            }
        }
    }
}
