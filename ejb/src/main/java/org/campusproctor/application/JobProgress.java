package org.campusproctor.application;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a batch job's step has come: items done out of the total (0 when not known in advance) and what it did with
 * them, by name (e.g. accountsCreated, rejected). Kept as the step's persistent data at every checkpoint, so it is
 * readable while the job runs and survives a restart.
 */
public record JobProgress(long total, long done, Map<String, Long> counts) implements Serializable {

    public JobProgress {
        counts = Map.copyOf(counts);
    }

    public static JobProgress of(long total) {
        return new JobProgress(total, 0, Map.of());
    }

    public JobProgress withTotal(long newTotal) {
        return new JobProgress(newTotal, done, counts);
    }

    /** Adds {@code items} done and the counts. */
    public JobProgress plus(long items, Map<String, Long> more) {
        Map<String, Long> sum = new LinkedHashMap<>(counts);
        more.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new JobProgress(total, done + items, sum);
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** Percent done, 0..100 (100 when the total is unknown and the job has ended is up to the caller). */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }

    /** The counts as an exit status, e.g. {@code IMPORTED accountsCreated=3 rejected=1}. */
    public String summary(String verb) {
        StringBuilder b = new StringBuilder(verb);
        new java.util.TreeMap<>(counts).forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
