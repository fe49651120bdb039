package org.campusproctor.vision.incidents;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class IncidentThresholdsTest {

    @Test
    void examOverridesReplaceOnlyTheKeysTheyName() {
        IncidentThresholds t = IncidentThresholds.DEFAULTS.withOverrides(Json.createObjectBuilder()
                .add("noFaceForMillis", 600_000).add("maxYawDegrees", 20.5).add("phoneFrames", 1).add("someFutureKey", 3)
                .build());
        assertEquals(Duration.ofMinutes(10), t.noFaceFor());
        assertEquals(20.5, t.maxYawDegrees());
        assertEquals(1, t.phoneFrames());
        assertEquals(IncidentThresholds.DEFAULTS.maxPitchDegrees(), t.maxPitchDegrees());
        assertEquals(IncidentThresholds.DEFAULTS.lookingAwayFor(), t.lookingAwayFor());
        assertEquals(IncidentThresholds.DEFAULTS.spoofFrames(), t.spoofFrames());
    }

    @Test
    void noOverridesKeepTheDefaults() {
        assertSame(IncidentThresholds.DEFAULTS, IncidentThresholds.DEFAULTS.withOverrides(null));
        assertSame(IncidentThresholds.DEFAULTS, IncidentThresholds.DEFAULTS.withOverrides(Json.createObjectBuilder().build()));
    }

    @Test
    void theKeysAreThoseAnIncidentReports() {
        // what an incident carries as "thresholds" can be fed back as an exam's overrides unchanged
        IncidentThresholds strict = IncidentThresholds.DEFAULTS.withLookingAway(15, 10, Duration.ofMillis(500));
        assertEquals(strict, IncidentThresholds.DEFAULTS.withOverrides(strict.toJson().build()));
    }
}
