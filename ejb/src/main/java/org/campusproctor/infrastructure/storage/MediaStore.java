package org.campusproctor.infrastructure.storage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.domain.media.StoredObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The media store: frames and screen-recording chunks as files under one directory (system property
 * {@code campusproctor.media.dir}). Writes are atomic (temp file, then move), so a reader never sees half a file,
 * and every object's SHA-256 is computed on the way in. On several nodes the directory is a shared mount.
 */
@ApplicationScoped
public class MediaStore {

    public static final String DIR_PROPERTY = "campusproctor.media.dir";
    private static final Logger LOG = Logger.getLogger(MediaStore.class.getName());
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private Path root;

    public MediaStore() {
        // for CDI
    }

    /** For plain-Java use (tools, tests). */
    public MediaStore(Path root) {
        this.root = root;
    }

    @PostConstruct
    void init() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = Paths.get(System.getProperty("user.home"), ".campusproctor", "media").toString();
            LOG.warning(() -> DIR_PROPERTY + " is not set; storing media under " + Paths.get(System.getProperty("user.home"), ".campusproctor", "media"));
        }
        root = Paths.get(dir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create media directory " + root, e);
        }
        LOG.info(() -> "Media store at " + root);
    }

    public StoredObject put(String key, byte[] bytes) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".incoming-", ".part");
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

    public byte[] get(String key) {
        Path path = resolve(key);
        try {
            return Files.readAllBytes(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MediaNotFoundException("No media stored under " + key);
        } catch (IOException e) {
            throw new MediaStoreException("Could not read " + key + ": " + e.getMessage(), e);
        }
    }

    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new MediaStoreException("Could not delete " + key + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Keys are relative paths of safe characters: a key from a message can never escape the store. */
    private Path resolve(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new MediaStoreException("Invalid storage key: " + key, null);
        }
        return root.resolve(key);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
