package org.campusproctor.contract.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects, their unsettled marks, and what a sweep after a crash keeps: exactly what the index has. */
class DirectoryMediaStoreTest {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletes() {
        DirectoryMediaStore store = new DirectoryMediaStore(root, "node-a", "run-1");
        StoredObject stored = store.put("attempt-1/frames/2026-01-01/f1.jpg", new byte[]{1, 2, 3});
        assertEquals(3, stored.sizeBytes());
        assertArrayEquals(new byte[]{1, 2, 3}, store.get("attempt-1/frames/2026-01-01/f1.jpg"));
        assertTrue(store.delete("attempt-1/frames/2026-01-01/f1.jpg"));
        assertThrows(MediaNotFoundException.class, () -> store.get("attempt-1/frames/2026-01-01/f1.jpg"));
    }

    @Test
    void keysCannotEscapeTheStoreNorReachItsMarks() {
        DirectoryMediaStore store = new DirectoryMediaStore(root, "node-a", "run-1");
        for (String key : new String[]{"../x", "a/../../x", "/etc/passwd", ".unsettled/node-a/run-1/x", "a/.hidden", ""}) {
            assertThrows(MediaStoreException.class, () -> store.put(key, new byte[1]), key);
        }
    }

    @Test
    void settledObjectsLeaveNoMark() throws IOException {
        DirectoryMediaStore store = new DirectoryMediaStore(root, "node-a", "run-1");
        store.markUnsettled("a/f1.jpg");
        store.put("a/f1.jpg", new byte[]{1});
        store.settle("a/f1.jpg");
        assertEquals(0, store.sweepAbandoned(Duration.ZERO, key -> false), "nothing unsettled");
        assertArrayEquals(new byte[]{1}, store.get("a/f1.jpg"));
        assertEquals(Set.of("a/f1.jpg"), files());
    }

    @Test
    void aNewRunSweepsWhatTheCrashedRunLeftAskingTheIndex() throws IOException {
        DirectoryMediaStore crashed = new DirectoryMediaStore(root, "node-a", "run-1");
        crashed.markUnsettled("a/committed.jpg");
        crashed.put("a/committed.jpg", new byte[]{1});
        crashed.markUnsettled("a/rolled-back.jpg");
        crashed.put("a/rolled-back.jpg", new byte[]{2});
        crashed.markUnsettled("a/half-written.jpg");
        Files.write(root.resolve("a/.half-written.jpg.part"), new byte[]{3}); // the process died inside put
        crashed.markUnsettled("a/purged.jpg"); // a row removed by a committed purge, file not yet deleted
        crashed.put("a/purged.jpg", new byte[]{4});
        Path runMarks = root.resolve(".unsettled/node-a/run-1");
        Files.writeString(runMarks.resolve("0".repeat(64)), ""); // the process died while writing a mark
        Files.writeString(runMarks.resolve("1".repeat(64)), "a/trunc"); // ... or half-way through its key

        DirectoryMediaStore otherNode = new DirectoryMediaStore(root, "node-b", "run-7");
        otherNode.markUnsettled("b/in-flight.jpg"); // another node's transaction still running
        otherNode.put("b/in-flight.jpg", new byte[]{5});

        DirectoryMediaStore restarted = new DirectoryMediaStore(root, "node-a", "run-2");
        Set<String> index = Set.of("a/committed.jpg", "b/other.jpg");
        assertEquals(2, restarted.sweepAbandoned(Duration.ofHours(1), index::contains));
        assertEquals(Set.of("a/committed.jpg", "b/in-flight.jpg"), files());
        assertFalse(Files.exists(root.resolve("a/.half-written.jpg.part")), "the partial write went too");
        assertFalse(Files.exists(root.resolve(".unsettled/node-a/run-1")), "the crashed run's marks are gone");
        assertEquals(0, restarted.sweepAbandoned(Duration.ofHours(1), index::contains), "swept once");

        // an hour later the other node's mark counts as abandoned too (its transaction cannot still run)
        try (Stream<Path> marks = Files.walk(root.resolve(".unsettled/node-b"))) {
            for (Path mark : marks.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(mark, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            }
        }
        assertEquals(1, restarted.sweepAbandoned(Duration.ofHours(1), index::contains));
        assertEquals(Set.of("a/committed.jpg"), files());
    }

    @Test
    void aSweepNeverTouchesTheMarksOfItsOwnRunWhileTheyAreYoung() throws IOException {
        DirectoryMediaStore store = new DirectoryMediaStore(root, "node-a", "run-1");
        store.markUnsettled("a/in-flight.jpg");
        store.put("a/in-flight.jpg", new byte[]{1});
        assertEquals(0, store.sweepAbandoned(Duration.ofHours(1), key -> false));
        assertTrue(files().contains("a/in-flight.jpg"));
        assertFalse(files().isEmpty());
    }

    /** Every object file (not marks, not partial writes), as keys. */
    private Set<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> !k.startsWith(".unsettled/") && !k.contains("/.")).collect(java.util.stream.Collectors.toSet());
        }
    }
}
