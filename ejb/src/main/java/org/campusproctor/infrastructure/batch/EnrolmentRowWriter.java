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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Applies a chunk of rows ({@link EnrolmentImport}) in the chunk's transaction and keeps the job's progress. The
 * photos zip, if any, is indexed once by entry name (its directories ignored); an entry larger than a photo may be is
 * kept only as "too large", and the archive as a whole may not unpack to more than {@value #MAX_UNPACKED} bytes.
 */
@Named("enrolmentRowWriter")
@Dependent
public class EnrolmentRowWriter extends AbstractItemWriter {

    static final long MAX_UNPACKED = 1L << 30;

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

    private final Map<String, byte[]> photos = new HashMap<>();
    private JobProgress progress;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        long total = step.getTransientUserData() instanceof Long t ? t : 0;
        progress = checkpoint instanceof JobProgress p ? p.withTotal(total) : JobProgress.of(total);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("IMPORTED"));
        if (photosFile != null && !photosFile.isBlank()) {
            index(files.bytes(photosFile));
        }
    }

    private void index(byte[] zip) throws IOException {
        int limit = Settings.FRAME_MAX_BYTES.value();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = in.readNBytes(limit + 1); // a larger entry stays too large, never unpacked further
                unpacked += bytes.length;
                if (unpacked > MAX_UNPACKED) {
                    throw new IOException("The photos archive unpacks to more than " + MAX_UNPACKED + " bytes");
                }
                String name = entry.getName().replaceAll(".*/", "");
                photos.putIfAbsent(name, bytes);
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IOException("The photos archive cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        List<EnrolmentImport.Row> rows = items.stream().map(EnrolmentImport.Row.class::cast).toList();
        Map<String, Long> counts = enrolment.apply(job.getInstanceId(), startedBy, rows,
                name -> Optional.ofNullable(photos.get(name.replaceAll(".*/", ""))));
        progress = progress.plus(rows.size(), counts);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.summary("IMPORTED"));
    }

    @Override
    public Serializable checkpointInfo() {
        return progress;
    }
}
