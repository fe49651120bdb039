package org.campusproctor.infrastructure.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Retention is at least a day, whoever starts the job and how. */
class MediaRetentionBatchletTest {

    @Test
    void retentionIsAtLeastOneDay() {
        assertEquals(30, MediaRetentionBatchlet.retentionDays(null));
        assertEquals(30, MediaRetentionBatchlet.retentionDays(" "));
        assertEquals(1, MediaRetentionBatchlet.retentionDays("1"));
        assertEquals(365, MediaRetentionBatchlet.retentionDays(" 365 "));
        for (String bad : new String[]{"0", "-1", "0.5", "a", "99999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> MediaRetentionBatchlet.retentionDays(bad), bad);
        }
    }
}
