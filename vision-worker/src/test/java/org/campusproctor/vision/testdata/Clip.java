package org.campusproctor.vision.testdata;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fake-webcam clip of src/test/resources/clip: its JPEG frames and labelled segments. */
public final class Clip {

    public static final double FPS = 30.0;

    /** A labelled segment: frames [first, last] at 30 fps. */
    public record Segment(String kind, int first, int last, double startS, double endS, JsonObject groundTruth) {
        public boolean contains(int frame) {
            return frame >= first && frame <= last;
        }
    }

    private final List<byte[]> frames;
    private final List<Segment> segments;

    private Clip(List<byte[]> frames, List<Segment> segments) {
        this.frames = frames;
        this.segments = segments;
    }

    public static Clip load() {
        try (InputStream mjpeg = Clip.class.getResourceAsStream("/clip/webcam_clip_640x480_30fps.mjpeg");
             InputStream json = Clip.class.getResourceAsStream("/clip/webcam_clip_segments.json")) {
            if (mjpeg == null || json == null) {
                throw new IllegalStateException("clip resources missing");
            }
            List<byte[]> frames = split(mjpeg.readAllBytes());
            List<Segment> segments = new ArrayList<>();
            try (JsonReader r = Json.createReader(json)) {
                for (JsonValue v : r.readObject().getJsonArray("segments")) {
                    JsonObject s = v.asJsonObject();
                    segments.add(new Segment(s.getString("kind"), s.getJsonArray("frames_30fps").getInt(0),
                            s.getJsonArray("frames_30fps").getInt(1), s.getJsonNumber("t_start_s").doubleValue(),
                            s.getJsonNumber("t_end_s").doubleValue(), s.getJsonObject("ground_truth")));
                }
            }
            return new Clip(frames, segments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a Motion-JPEG elementary stream at the SOI markers that follow an EOI. */
    static List<byte[]> split(byte[] data) {
        List<byte[]> frames = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xD8 && (data[i + 2] & 0xFF) == 0xFF
                    && (start < 0 || ((data[i - 2] & 0xFF) == 0xFF && (data[i - 1] & 0xFF) == 0xD9))) {
                if (start >= 0) {
                    frames.add(Arrays.copyOfRange(data, start, i));
                }
                start = i;
            }
        }
        if (start >= 0) {
            frames.add(Arrays.copyOfRange(data, start, data.length));
        }
        return frames;
    }

    public List<byte[]> frames() {
        return frames;
    }

    public List<Segment> segments() {
        return segments;
    }

    public Segment segmentOf(int frame) {
        return segments.stream().filter(s -> s.contains(frame)).findFirst().orElseThrow();
    }

    public static long millisOf(int frame) {
        return Math.round(frame * 1000 / FPS);
    }

    /**
     * A camera held still on one frame of the clip: {@code count} copies of it, each with fresh Gaussian sensor noise
     * of {@code sigma} grey levels, JPEG-encoded at quality 0.8 as the exam page's {@code canvas.toBlob} sends them.
     */
    public List<byte[]> stillCopies(int frame, double sigma, int count) {
        Mat image = Imgcodecs.imdecode(new MatOfByte(frames.get(frame)), Imgcodecs.IMREAD_COLOR);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mat noise = new Mat(image.size(), CvType.CV_16SC3);
            Core.setRNGSeed(i + 1);
            Core.randn(noise, 0, sigma);
            Mat noisy = new Mat();
            image.convertTo(noisy, CvType.CV_16SC3);
            Core.add(noisy, noise, noisy);
            noisy.convertTo(noisy, CvType.CV_8UC3);
            MatOfByte jpeg = new MatOfByte();
            Imgcodecs.imencode(".jpg", noisy, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 80));
            out.add(jpeg.toArray());
            noise.release();
            noisy.release();
            jpeg.release();
        }
        image.release();
        return out;
    }
}
