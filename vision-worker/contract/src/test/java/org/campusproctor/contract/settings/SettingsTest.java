package org.campusproctor.contract.settings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings list is the one definition: the shipped properties file and the README must agree with it. */
class SettingsTest {

    private static final Path ROOT = Path.of(System.getProperty("campusproctor.project.root", "../.."));

    @Test
    void thePropertiesFileHoldsEverySettingWithItsDefaultAndNothingElse() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("server-config/wildfly/campusproctor.properties"))) {
            file.load(r);
        }
        List<String> problems = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            String value = file.getProperty(s.name());
            if (value == null) {
                problems.add(s.name() + " missing");
            } else if (!value.equals(s.defaultText())) {
                problems.add(s.name() + "=" + value + " but the default is " + s.defaultText());
            }
        }
        Set<String> known = Settings.ALL.stream().map(Setting::name).collect(Collectors.toSet());
        file.stringPropertyNames().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add(k + " is not a setting"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theReadmeNamesEverySetting() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> missing = Settings.ALL.stream().map(Setting::name).filter(n -> !readme.contains(n)).toList();
        assertTrue(missing.isEmpty(), "README.md does not document " + missing);
    }

    @Test
    void everyApplicationDefaultIsValid() {
        for (Setting<?> s : Settings.ALL) {
            if (s.scope() == Setting.Scope.APPLICATION) {
                s.parse(null);
            }
        }
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.VISION_CUDA.parse("on"));
        assertTrue(e.getMessage().contains("campusproctor.vision.cuda"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.FRAME_MAX_BYTES.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Settings.VISION_STAGES.parse("detect,teleport"));
        assertThrows(IllegalArgumentException.class, () -> Settings.DEMO_DATA.parse("yes"));
        assertEquals(List.of("person", "cell phone"), Settings.VISION_OBJECT_CLASSES.parse(" person , cell phone "));
        assertEquals("detect,pose", Settings.VISION_STAGES.parse("DETECT,pose"));
        assertEquals(List.of(), Settings.WEB_ALLOWED_ORIGINS.parse(""));
        assertEquals(List.of("https://exams.example.edu", "http://localhost:8080"),
                Settings.WEB_ALLOWED_ORIGINS.parse("https://Exams.example.edu, http://localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> Settings.WEB_ALLOWED_ORIGINS.parse("https://exams.example.edu/path"));
        assertThrows(IllegalArgumentException.class, () -> Settings.WEB_ALLOWED_ORIGINS.parse("ftp://exams.example.edu"));
        assertThrows(IllegalArgumentException.class, () -> Settings.WEB_ALLOWED_ORIGINS.parse("*"));
        assertThrows(IllegalArgumentException.class, () -> Settings.LOGIN_MAX_FAILURES.parse("0"));
    }
}
