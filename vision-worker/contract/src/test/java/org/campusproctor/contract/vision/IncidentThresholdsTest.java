package org.campusproctor.contract.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentThresholdsTest {

    @Test
    void examOverridesReplaceOnlyTheValuesTheyName() {
        IncidentThresholds t = IncidentThresholds.DEFAULTS.withOverrides(IncidentThresholds.validated(
                Map.of("noFaceForMillis", 600_000, "maxYawDegrees", 20.5, "phoneFrames", 1)));
        assertEquals(Duration.ofMinutes(10), t.noFaceFor());
        assertEquals(20.5, t.maxYawDegrees());
        assertEquals(1, t.phoneFrames());
        assertEquals(IncidentThresholds.DEFAULTS.maxPitchDegrees(), t.maxPitchDegrees());
        assertEquals(IncidentThresholds.DEFAULTS.lookingAwayFor(), t.lookingAwayFor());
    }

    @Test
    void noOverridesKeepTheDefaults() {
        assertSame(IncidentThresholds.DEFAULTS, IncidentThresholds.DEFAULTS.withOverrides(null));
        assertEquals(IncidentThresholds.DEFAULTS, IncidentThresholds.DEFAULTS.withOverrides(IncidentThresholds.NONE));
        assertSame(IncidentThresholds.NONE, IncidentThresholds.validated(Map.of()));
        assertTrue(IncidentThresholds.NONE.overridesNothing());
    }

    @Test
    void overridesTravelAsCanonicalJsonAndBack() {
        IncidentThresholds o = IncidentThresholds.validated(Map.of("maxYawDegrees", 20.5, "noFaceForMillis", 5000.0,
                "spoofFrames", 3.0));
        String json = VisionMessages.toJson(o);
        assertEquals("{\"maxYawDegrees\":20.5,\"noFaceForMillis\":5000,\"spoofFrames\":3}", json);
        assertEquals(o, VisionMessages.fromJson(json, IncidentThresholds.class));
    }

    @Test
    void whatAnIncidentReportsCanBeFedBackAsOverrides() {
        IncidentThresholds all = IncidentThresholds.DEFAULTS.withOverrides(IncidentThresholds.validated(
                Map.of("lookingAwayForMillis", 500)));
        assertEquals(all, IncidentThresholds.validated(all.asMap()));
    }

    @ParameterizedTest
    @CsvSource({"maxYawDegrees,400", "maxYawDegrees,-1", "noFaceForMillis,1.5", "noFaceForMillis,7200000",
            "spoofFrames,0", "minLiveScore,3", "unknownKey,1"})
    void refusesWhatAWorkerCouldNotUse(String key, double value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IncidentThresholds.validated(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
