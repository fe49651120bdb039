package org.campusproctor.contract.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.ServerNode;
import org.campusproctor.contract.settings.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The media store as files under one directory ({@link Settings#MEDIA_DIR}). Writes are atomic (temp file, then
 * move), so a reader never sees half a file, and every object's SHA-256 is computed on the way in. On several nodes
 * the directory is a shared mount.
 * <p>
 * Unsettled marks are small files under {@code .unsettled/<node>/<run>/}, named by the SHA-256 of the key and holding
 * the key: a mark of another run of this node is abandoned as soon as this run starts.
 */
@ApplicationScoped
public class DirectoryMediaStore implements MediaStore {

    private static final Logger LOG = Logger.getLogger(DirectoryMediaStore.class.getName());
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    private static final String UNSETTLED = ".unsettled";

    private final Path root;
    private final Path unsettledHere;

    /** The store of this server, at {@link Settings#MEDIA_DIR}. */
    public DirectoryMediaStore() {
        this(Settings.MEDIA_DIR.value());
    }

    public DirectoryMediaStore(Path root) {
        this(root, ServerNode.NAME, ServerNode.RUN);
    }

    /** A store as one run of one node sees it (tests play several). */
    DirectoryMediaStore(Path root, String node, String run) {
        this.root = root.toAbsolutePath().normalize();
        this.unsettledHere = this.root.resolve(UNSETTLED).resolve(safeName(node)).resolve(run);
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create media directory " + this.root, e);
        }
        LOG.fine(() -> "Media store at " + this.root);
    }

    @Override
    public StoredObject put(String key, byte[] bytes) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = incoming(target); // one per key, so that a sweep finds what a crash left of a write
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MediaStoreException("Could not store " + key + ": " + e.getMessage(), e);
        }
        return new StoredObject(key, bytes.length, sha256(bytes));
    }

    @Override
    public byte[] get(String key) {
        Path path = resolve(key);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new MediaNotFoundException("No media stored under " + key);
        } catch (IOException e) {
            throw new MediaStoreException("Could not read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        Path path = resolve(key);
        try {
            Files.deleteIfExists(incoming(path));
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new MediaStoreException("Could not delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void markUnsettled(String key) {
        resolve(key);
        try {
            Files.createDirectories(unsettledHere);
            Files.writeString(unsettledHere.resolve(sha256(key.getBytes(StandardCharsets.UTF_8))), key);
        } catch (IOException e) {
            throw new MediaStoreException("Could not mark " + key + " unsettled: " + e.getMessage(), e);
        }
    }

    @Override
    public void settle(String key) {
        try {
            Files.deleteIfExists(unsettledHere.resolve(sha256(key.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new MediaStoreException("Could not settle " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int sweepAbandoned(Duration olderThan, Predicate<String> indexed) {
        Path marks = root.resolve(UNSETTLED);
        if (!Files.isDirectory(marks)) {
            return 0;
        }
        FileTime before = FileTime.from(Instant.now().minus(olderThan));
        int deleted = 0;
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(marks)) {
            for (Path node : nodes) {
                try (DirectoryStream<Path> runs = Files.newDirectoryStream(node)) {
                    for (Path run : runs) {
                        boolean earlierRunHere = node.equals(unsettledHere.getParent()) && !run.equals(unsettledHere);
                        deleted += sweep(run, earlierRunHere, before, indexed);
                    }
                }
            }
        } catch (IOException e) {
            throw new MediaStoreException("Could not sweep unsettled media: " + e.getMessage(), e);
        }
        return deleted;
    }

    private int sweep(Path run, boolean allAbandoned, FileTime before, Predicate<String> indexed) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> marks = Files.newDirectoryStream(run)) {
            for (Path mark : marks) {
                if (!allAbandoned && Files.getLastModifiedTime(mark).compareTo(before) >= 0) {
                    continue;
                }
                String key = Files.readString(mark);
                if (!mark.getFileName().toString().equals(sha256(key.getBytes(StandardCharsets.UTF_8)))) {
                    // cut short by a crash while it was being written: the media write comes after the mark, so
                    // nothing was stored under it
                    Files.deleteIfExists(mark);
                    LOG.info(() -> "Incomplete unsettled mark removed (written when the server stopped): " + mark.getFileName());
                    continue;
                }
                try {
                    if (!indexed.test(key) && delete(key)) {
                        deleted++;
                        LOG.info(() -> "Media without an index entry removed (left by an unfinished transaction): " + key);
                    }
                    Files.deleteIfExists(mark);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Unsettled media " + key + " kept for the next sweep: " + e.getMessage(), e);
                }
            }
        }
        if (allAbandoned) {
            try {
                Files.deleteIfExists(run);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // a mark kept for the next sweep
            }
        }
        return deleted;
    }

    /** Where a write of the object at {@code target} stands until it is moved into place. */
    private static Path incoming(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /** Keys are relative paths of safe characters: a key from a message can never escape the store. */
    private Path resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new MediaStoreException("Invalid storage key: " + key, null);
        }
        return root.resolve(key);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
