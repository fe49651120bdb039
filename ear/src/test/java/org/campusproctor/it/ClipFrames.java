package org.campusproctor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JPEG frames of the browser tests' webcam clip (a Motion-JPEG stream: concatenated JPEGs, 30 per second; its
 * README lists what each second shows: a frontal face 0-3 s, nobody 6-9 s, two faces 9-12 s), for candidates driven
 * over the API.
 */
final class ClipFrames {

    /** The same clip as the browsers' fake webcam ({@code Browser}), without needing Selenium (the load tools). */
    static final Path CLIP = Path.of(System.getProperty("it.webcam.clip",
            "../vision-worker/src/test/resources/clip/webcam_clip_640x480_30fps.mjpeg")).toAbsolutePath().normalize();

    private static List<byte[]> frames;

    private ClipFrames() {
    }

    /** The frame shown at this second of the clip. */
    static byte[] at(double second) {
        List<byte[]> all = all();
        return all.get(Math.min(all.size() - 1, (int) Math.round(second * 30)));
    }

    /** Every frame of the clip, in order. */
    static synchronized List<byte[]> all() {
        if (frames == null) {
            frames = List.copyOf(split(read()));
        }
        return frames;
    }

    private static byte[] read() {
        try {
            return Files.readAllBytes(CLIP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cut at every start-of-image marker that begins a JFIF/EXIF segment (FF D8 FF). */
    static List<byte[]> split(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < stream.length; i++) {
            if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xFF) == 0xD8 && (stream[i + 2] & 0xFF) == 0xFF) {
                if (start >= 0) {
                    out.add(Arrays.copyOfRange(stream, start, i));
                }
                start = i;
            }
        }
        if (start >= 0) {
            out.add(Arrays.copyOfRange(stream, start, stream.length));
        }
        return out;
    }
}
