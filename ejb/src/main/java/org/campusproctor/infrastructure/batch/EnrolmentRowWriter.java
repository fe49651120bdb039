package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.EnrolmentImport;
import org.campusproctor.application.JobFileStore;
import org.campusproctor.application.JobProgress;
import org.campusproctor.contract.settings.Settings;

import java.io.IOException;
import java.io.Serializable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Applies a chunk of rows ({@link EnrolmentImport}) in the chunk's transaction and keeps the job's progress. The
 * photos zip, if any, is indexed once by entry name (its directories ignored) and each photo read when its row comes,
 * at most one byte past the largest photo accepted: a zip bomb unpacks no further than that, entry by entry.
 */
@Named("enrolmentRowWriter")
@Dependent
public class EnrolmentRowWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    private String photosFile;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Inject
    private JobFileStore files;

    @Inject
    private EnrolmentImport enrolment;

    private final Map<String, ZipEntry> photos = new HashMap<>();
    private ZipFile zip;
    private Path zipCopy;
    private JobProgress progress;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        long total = step.getTransientUserData() instanceof Long t ? t : 0;
        progress = checkpoint instanceof JobProgress p ? p.withTotal(total) : JobProgress.of(total);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("IMPORTED"));
        if (photosFile != null && !photosFile.isBlank()) {
            // a private copy for random access: each photo is read when its row comes, never the whole archive at once
            zipCopy = Files.createTempFile("enrolment-photos", ".zip");
            Files.write(zipCopy, files.bytes(photosFile));
            try {
                zip = new ZipFile(zipCopy.toFile());
            } catch (IOException e) {
                throw new IOException("The photos archive cannot be read: " + e.getMessage(), e);
            }
            zip.stream().filter(e -> !e.isDirectory())
                    .forEach(e -> photos.putIfAbsent(e.getName().replaceAll(".*/", ""), e));
        }
    }

    /** The photo of that name, read up to one byte past the largest accepted (a larger one stays too large). */
    private Optional<byte[]> photo(String name) {
        ZipEntry entry = photos.get(name.replaceAll(".*/", ""));
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(in.readNBytes(Settings.FRAME_MAX_BYTES.value() + 1));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new byte[0]); // unreadable: refused as an empty image
        }
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
        if (zipCopy != null) {
            Files.deleteIfExists(zipCopy);
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        List<EnrolmentImport.Row> rows = items.stream().map(EnrolmentImport.Row.class::cast).toList();
        Map<String, Long> counts = enrolment.apply(job.getInstanceId(), startedBy, rows,
                this::photo);
        progress = progress.plus(rows.size(), counts);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("IMPORTED"));
    }

    @Override
    public Serializable checkpointInfo() {
        return progress;
    }
}
