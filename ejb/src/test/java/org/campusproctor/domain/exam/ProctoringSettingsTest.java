package org.campusproctor.domain.exam;

import org.campusproctor.contract.vision.IncidentThresholds;
import org.campusproctor.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProctoringSettingsTest {

    @Test
    void thresholdOverridesAreKeptTypedAndTheOtherSettingsUnchanged() {
        ProctoringSettings s = new ProctoringSettings(true, true, false, 7, 60, 2)
                .withIncidentThresholds(Map.of("phoneFrames", 1.0, "maxYawDegrees", 20.5));
        assertEquals(7, s.frameIntervalSeconds());
        assertEquals(60, s.reviewRiskThreshold());
        assertTrue(s.screenRecordingRequired());
        assertEquals(1, s.incidentThresholds().phoneFrames());
        assertEquals(Map.of("phoneFrames", 1, "maxYawDegrees", 20.5), s.incidentThresholds().asMap());
    }

    @Test
    void changesNameEachDifferenceWithItsOldAndNewValue() {
        ProctoringSettings before = ProctoringSettings.defaults().withIncidentThresholds(Map.of("phoneFrames", 3));
        ProctoringSettings after = new ProctoringSettings(true, true, true, 5, 50, 3)
                .withIncidentThresholds(Map.of("maxYawDegrees", 40));
        assertEquals("screenRecordingRequired false -> true; frameIntervalSeconds 10 -> 5; maxYawDegrees default -> 40.0;"
                + " phoneFrames 3 -> default", after.changesFrom(before));
        assertEquals("", after.changesFrom(after));
    }

    @Test
    void noOverridesMeanTheDefaults() {
        assertEquals(IncidentThresholds.NONE, ProctoringSettings.defaults().withIncidentThresholds(Map.of()).incidentThresholds());
        assertEquals(IncidentThresholds.NONE, ProctoringSettings.defaults().withIncidentThresholds(null).incidentThresholds());
    }

    @ParameterizedTest
    @CsvSource({"maxYawDegrees,400", "noFaceForMillis,1.5", "spoofFrames,0", "unknownKey,1"})
    void refusesWhatAWorkerCouldNotUseAsInvalidInput(String key, double value) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProctoringSettings.defaults().withIncidentThresholds(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
