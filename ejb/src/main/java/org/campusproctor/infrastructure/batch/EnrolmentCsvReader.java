package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.EnrolmentImport;
import org.campusproctor.application.JobFileStore;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the enrolment CSV (a job file) record by record. The checkpoint is the number of records handed out; a
 * restart reads the file again up to it, only to know the (username, exam) pairs already seen, and goes on from
 * there. A pair seen before in the file is handed out as a duplicate of its first line.
 */
@Named("enrolmentCsvReader")
@Dependent
public class EnrolmentCsvReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    private String csvFile;

    @Inject
    private StepContext step;

    @Inject
    private JobFileStore files;

    private EnrolmentCsv csv;
    private long delivered;
    private final Map<String, Long> firstLine = new HashMap<>();

    @Override
    public void open(Serializable checkpoint) {
        byte[] bytes = files.bytes(csvFile);
        long total = 0;
        for (EnrolmentCsv count = new EnrolmentCsv(bytes); count.hasNext(); count.next()) {
            total++;
        }
        step.setTransientUserData(total);
        csv = new EnrolmentCsv(bytes);
        long skip = checkpoint == null ? 0 : (Long) checkpoint;
        while (delivered < skip && csv.hasNext()) {
            seen(csv.next());
            delivered++;
        }
    }

    @Override
    public Object readItem() {
        if (!csv.hasNext()) {
            return null;
        }
        EnrolmentCsv.Record record = csv.next();
        delivered++;
        Long first = seen(record);
        if (first != null) {
            return EnrolmentImport.Row.rejected(record.line(), record.values().get("username"),
                    "duplicate of line " + first + " (same username and exam)");
        }
        return record;
    }

    /** Notes the record's pair; returns the line it was first seen on, or null. */
    private Long seen(EnrolmentCsv.Record record) {
        if (record.malformed() != null) {
            return null;
        }
        String key = Objects.toString(record.values().get("username"), "") + '\u0000'
                + Objects.toString(record.values().get("exam"), "");
        return firstLine.putIfAbsent(key, record.line());
    }

    @Override
    public Serializable checkpointInfo() {
        return delivered;
    }
}
