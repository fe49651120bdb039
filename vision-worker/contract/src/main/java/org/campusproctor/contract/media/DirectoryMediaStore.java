package org.campusproctor.contract.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.campusproctor.contract.settings.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The media store as files under one directory ({@link Settings#MEDIA_DIR}). Writes are atomic (temp file, then
 * move), so a reader never sees half a file, and every object's SHA-256 is computed on the way in. On several nodes
 * the directory is a shared mount.
 */
@ApplicationScoped
public class DirectoryMediaStore implements MediaStore {

    private static final Logger LOG = Logger.getLogger(DirectoryMediaStore.class.getName());
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final Path root;

    /** The store of this server, at {@link Settings#MEDIA_DIR}. */
    public DirectoryMediaStore() {
        this(Settings.MEDIA_DIR.value());
    }

    public DirectoryMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
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
        try {
            return Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new MediaStoreException("Could not delete " + key + ": " + e.getMessage(), e);
        }
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
