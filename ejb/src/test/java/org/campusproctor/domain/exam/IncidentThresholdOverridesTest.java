package org.campusproctor.domain.exam;

import org.campusproctor.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentThresholdOverridesTest {

    @Test
    void validOverridesBecomeCanonicalJsonAndReadBack() {
        String json = IncidentThresholdOverrides.validate(Map.of("maxYawDegrees", 20.5, "noFaceForMillis", 5000.0, "spoofFrames", 3.0));
        assertEquals("{\"maxYawDegrees\":20.5,\"noFaceForMillis\":5000,\"spoofFrames\":3}", json);
        Map<String, Number> read = IncidentThresholdOverrides.read(json);
        assertEquals(5000L, read.get("noFaceForMillis"));
        assertEquals(20.5, read.get("maxYawDegrees").doubleValue());
    }

    @Test
    void noOverridesMeanTheDefaults() {
        assertNull(IncidentThresholdOverrides.validate(null));
        assertNull(IncidentThresholdOverrides.validate(Map.of()));
        assertTrue(IncidentThresholdOverrides.read(null).isEmpty());
        assertNull(ProctoringSettings.defaults().withIncidentThresholds(Map.of()).incidentThresholds());
    }

    @ParameterizedTest
    @CsvSource({"maxYawDegrees,400", "maxYawDegrees,-1", "noFaceForMillis,1.5", "noFaceForMillis,7200000",
            "spoofFrames,0", "minLiveScore,3", "unknownKey,1"})
    void refusesWhatAWorkerCouldNotUse(String key, double value) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IncidentThresholdOverrides.validate(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void settingsKeepTheirOtherValues() {
        ProctoringSettings s = new ProctoringSettings(true, true, false, 7, 60, 2)
                .withIncidentThresholds(Map.of("phoneFrames", 1.0));
        assertEquals(7, s.frameIntervalSeconds());
        assertEquals(60, s.reviewRiskThreshold());
        assertTrue(s.screenRecordingRequired());
        assertEquals("{\"phoneFrames\":1}", s.incidentThresholds());
    }
}
