package org.campusproctor.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.campusproctor.contract.media.MediaNotFoundException;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.RuleViolationException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.media.MediaKind;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The screen recording of an attempt whose exam requires one: the browser's MediaRecorder pieces (WebM), each
 * uploaded with its sequence number and SHA-256, stored in the media store as {@link MediaKind#SCREEN_CHUNK}. A retry
 * of a stored chunk (same sequence, same checksum) is acknowledged again; a different chunk under a taken sequence,
 * a wrong checksum, an oversized chunk or a recording the exam does not ask for is refused.
 */
@Stateless
public class ScreenRecording {

    /** Largest chunk (a few seconds of a screen at the browser's default bit rates are well below). */
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    /** Most chunks of one attempt (one a second for more than five hours). */
    public static final long MAX_CHUNKS = 20_000;

    private static final byte[] WEBM_MAGIC = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};

    public record ScreenChunkView(long sequence, String mediaId, String sha256, long sizeBytes, Instant capturedAt) {
    }

    /** A chunk as served to staff: a strong validator (its stored SHA-256) and the bytes, never its storage key. */
    public record ChunkBytes(String etag, byte[] bytes) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttemptAccess access;

    @Inject
    private TransactionalMedia media;

    @Inject
    private MediaStore store;

    @RolesAllowed(Role.CANDIDATE_NAME)
    public ScreenChunkView accept(@NotBlank String attemptId, long sequence, @NotBlank String sha256, @NotNull byte[] bytes) {
        if (sequence < 0 || sequence >= MAX_CHUNKS) {
            throw new InvalidInputException("sequence must be 0.." + (MAX_CHUNKS - 1));
        }
        if (bytes.length == 0 || bytes.length > MAX_CHUNK_BYTES) {
            throw new InvalidInputException("A screen chunk has 1.." + MAX_CHUNK_BYTES + " bytes");
        }
        if (sequence == 0 && !startsWithWebmHeader(bytes)) {
            throw new InvalidInputException("The first screen chunk must start with a WebM header");
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(sha256.trim())) {
            throw new InvalidInputException("CHECKSUM_MISMATCH: the chunk's SHA-256 is " + actual);
        }
        ExamAttempt attempt = access.own(attemptId); // locked: two uploads of one sequence are serialised
        StoredMedia existing = em.createQuery("SELECT m FROM StoredMedia m WHERE m.attemptId = :attemptId"
                        + " AND m.kind = :kind AND m.chunkSequence = :sequence", StoredMedia.class)
                .setParameter("attemptId", attemptId).setParameter("kind", MediaKind.SCREEN_CHUNK)
                .setParameter("sequence", sequence).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            if (existing.sha256().equalsIgnoreCase(actual)) {
                return view(existing); // a retry of an acknowledged chunk
            }
            throw new RuleViolationException("CHUNK_SEQUENCE_TAKEN", "Screen chunk " + sequence + " is already stored");
        }
        attempt.requireNotCompleted();
        if (!em.find(Exam.class, attempt.examId()).proctoring().screenRecordingRequired()) {
            throw new RuleViolationException("SCREEN_RECORDING_NOT_REQUIRED", "This exam does not record the screen");
        }
        String id = StoredMedia.newId();
        StoredObject object = media.put(attemptId + "/screen/" + String.format("%08d", sequence) + "-" + id + ".webm", bytes);
        Instant now = Instant.now();
        StoredMedia chunk = StoredMedia.screenChunk(id, attemptId, sequence, object, "video/webm", now, now);
        em.persist(chunk);
        return view(chunk);
    }

    /** The stored chunks of an attempt in recording order, for the staff who may read the attempt. */
    @RolesAllowed({Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    public List<ScreenChunkView> chunks(@NotBlank String attemptId) {
        access.staffToRead(attemptId);
        return em.createQuery("SELECT m FROM StoredMedia m WHERE m.attemptId = :attemptId AND m.kind = :kind"
                        + " ORDER BY m.chunkSequence", StoredMedia.class)
                .setParameter("attemptId", attemptId).setParameter("kind", MediaKind.SCREEN_CHUNK)
                .setMaxResults((int) MAX_CHUNKS).getResultStream().map(ScreenRecording::view).toList();
    }

    /** A chunk's validator, checked without reading the file: a chunk the page already has costs it no bytes. */
    @RolesAllowed({Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    public String etag(@NotBlank String attemptId, long sequence) {
        return stored(attemptId, sequence).sha256();
    }

    /**
     * One chunk's bytes for the staff who may read the attempt. Another proctor's attempt, a missing sequence or a
     * chunk purged by retention is "not found", like the evidence frames ({@link EvidenceFrames}).
     */
    @RolesAllowed({Role.PROCTOR_NAME, Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    public ChunkBytes chunk(@NotBlank String attemptId, long sequence) {
        StoredMedia chunk = stored(attemptId, sequence);
        try {
            return new ChunkBytes(chunk.sha256(), store.get(chunk.storageKey()));
        } catch (MediaNotFoundException e) {
            throw new NotFoundException("Screen chunk", attemptId + "/" + sequence);
        }
    }

    private StoredMedia stored(String attemptId, long sequence) {
        access.staffToRead(attemptId); // out of scope: 404, audited
        return em.createQuery("SELECT m FROM StoredMedia m WHERE m.attemptId = :attemptId"
                        + " AND m.kind = :kind AND m.chunkSequence = :sequence", StoredMedia.class)
                .setParameter("attemptId", attemptId).setParameter("kind", MediaKind.SCREEN_CHUNK)
                .setParameter("sequence", sequence).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Screen chunk", attemptId + "/" + sequence));
    }

    private static ScreenChunkView view(StoredMedia m) {
        return new ScreenChunkView(m.chunkSequence(), m.id(), m.sha256(), m.sizeBytes(), m.capturedAt());
    }

    private static boolean startsWithWebmHeader(byte[] bytes) {
        if (bytes.length < WEBM_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < WEBM_MAGIC.length; i++) {
            if (bytes[i] != WEBM_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
