package org.campusproctor.weights.tfjs;

import java.nio.file.Path;
import java.util.List;

/**
 * A measurement command, not a test: every BlazeFace detection with score >= 0.3 on every test still (the figures
 * weights/README.md quotes), one line per still. Run from the repository root:
 * {@code ./mvnw -B -pl weights test-compile exec:exec@blazeface-report}
 */
public final class BlazeFaceReport {
    static final float REPORT_SCORE = 0.3f;

    private BlazeFaceReport() {
    }

    public static void main(String[] args) throws Exception {
        BlazeFaceSanityTest.open();
        try {
            for (String dir : List.of("single_frontal", "multi_face", "head_pose", "spoof", "no_person")) {
                for (Path f : BlazeFaceSanityTest.images(dir)) {
                    BlazeFaceSanityTest.detect(f, REPORT_SCORE);
                }
            }
        } finally {
            BlazeFaceSanityTest.close();
        }
    }
}
