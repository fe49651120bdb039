package org.campusproctor.vision.pipeline;

import org.campusproctor.vision.pipeline.PipelineOptions.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline on the labelled stills of weights/testdata (labels.json). Every assertion is a result the models
 * reach on these images; where a label is not reached the test says so and asserts what does hold.
 */
class FramePipelineTest {

    @ParameterizedTest(name = "{0}: {1} face(s)")
    @CsvSource({
            "images/single_frontal/nasa_astronaut_eileen_collins.png, 1",
            "images/single_frontal/cc0_interfaces_001_frontal.jpg, 1",
            "images/single_frontal/cc0_interfaces_006_frontal.jpg, 1",
            "images/single_frontal/cc0_interfaces_050_frontal.jpg, 1",
            "images/single_frontal/live_webcam_like_silentface_T1_upright.jpg, 1",
            "images/head_pose/yaw_toward_image_right_45_interfaces_040.jpg, 1",
            "images/head_pose/yaw_toward_image_left_65_near_profile_interfaces_008.jpg, 1",
            "images/head_pose/pitch_up_35_interfaces_055.jpg, 1",
            "images/head_pose/profile_yaw_toward_image_right_85_occluded_skimage_camera.png, 1",
            "images/multi_face/nasa_apollo11_crew_3faces.jpg, 3",
            "images/multi_face/nasa_apollo11_crop_2faces.jpg, 2",
            "images/no_person/skimage_rocket.jpg, 0",
            "images/no_person/sklearn_china.jpg, 0",
            // BlazeFace fires on these two (0.80 on the cat's face, 0.68 on the mug); FaceMesh's face flag (< 0.01)
            // rejects them, which is why the pipeline confirms detections with it
            "images/no_person/skimage_chelsea_cat_animal_face.png, 0",
            "images/no_person/skimage_coffee.png, 0"})
    void countsFaces(String image, int faces) {
        FrameAnalysis a = TestData.analyse(image);
        assertEquals(faces, a.faceCount(), image + ": " + a);
        assertEquals(faces, a.faces().size());
    }

    @Test
    void capHidingTheEyesIsNotConfirmedAsAFace() {
        // labels.json: faces=1 but "cap hides eyes, detectability uncertain". BlazeFace finds it (~0.55) and FaceMesh's
        // flag is ~0: the pipeline reports 0 faces with the rejected candidate as evidence. A known miss.
        FrameAnalysis a = TestData.analyse("images/head_pose/pitch_down_60_face_mostly_hidden_interfaces_024.jpg");
        assertEquals(0, a.faceCount());
        assertEquals(1, a.rejectedFaces().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "images/single_frontal/nasa_astronaut_eileen_collins.png",
            "images/single_frontal/cc0_interfaces_001_frontal.jpg",
            "images/single_frontal/cc0_interfaces_006_frontal.jpg",
            "images/single_frontal/cc0_interfaces_050_frontal.jpg"})
    void frontalFacesAreFrontal(String image) {
        HeadPose pose = TestData.analyse(image).faces().get(0).pose();
        // labels: yaw 0, pitch 0 (by eye); measured |yaw| <= 1.5, pitch -15..0 (Eileen Collins smiles and tilts down)
        assertTrue(Math.abs(pose.yaw()) < 10, image + " " + pose);
        assertTrue(Math.abs(pose.pitch()) < 20, image + " " + pose);
        assertTrue(Math.abs(pose.roll()) < 10, image + " " + pose);
    }

    @ParameterizedTest(name = "{0}: yaw {1}")
    @CsvSource({
            "images/head_pose/yaw_toward_image_right_45_interfaces_040.jpg, 45",
            "images/head_pose/yaw_toward_image_left_45_interfaces_040_MIRRORED.jpg, -45",
            "images/head_pose/yaw_toward_image_right_65_near_profile_interfaces_008_MIRRORED.jpg, 65",
            "images/head_pose/yaw_toward_image_left_65_near_profile_interfaces_008.jpg, -65"})
    void turnedHeadsHaveTheLabelledYawSign(String image, double labelYaw) {
        HeadPose pose = TestData.analyse(image).faces().get(0).pose();
        assertEquals(Math.signum(labelYaw), Math.signum(pose.yaw()), image + " " + pose);
        // the ~45 images measure 48-52, the ~65 near-profiles 55-59: the 6-point model under-reads near-profiles
        assertTrue(Math.abs(pose.yaw()) > 35 && Math.abs(pose.yaw()) < 70, image + " " + pose);
        assertTrue(Math.abs(pose.pitch()) < 15, image + " " + pose);
    }

    @Test
    void mirroredImagesGiveMirroredYaw() {
        double right = TestData.analyse("images/head_pose/yaw_toward_image_right_45_interfaces_040.jpg").faces().get(0).pose().yaw();
        double left = TestData.analyse("images/head_pose/yaw_toward_image_left_45_interfaces_040_MIRRORED.jpg").faces().get(0).pose().yaw();
        assertEquals(-right, left, 6.0);
    }

    @Test
    void lookingUpHasPositivePitch() {
        HeadPose pose = TestData.analyse("images/head_pose/pitch_up_35_interfaces_055.jpg").faces().get(0).pose();
        assertTrue(pose.pitch() > 20, pose.toString()); // label 35 by eye; measured ~46
    }

    @Test
    void sidewaysImageHasRollNear90() {
        // "live_webcam_like_silentface_T1_upright" stores upright pixels but still carries EXIF Orientation=6
        // (weights/tools/minifasnet/README.md); OpenCV's imdecode honours the tag, as browsers showing the frame to a
        // proctor do, so the face lies on its side: the pipeline reports roll ~ +99 degrees
        HeadPose pose = TestData.analyse("images/single_frontal/live_webcam_like_silentface_T1_upright.jpg").faces().get(0).pose();
        assertTrue(pose.roll() > 70 && pose.roll() < 120, pose.toString());
    }

    @Test
    void frontalFaceHasEvidenceForEveryCoreStage() {
        FrameAnalysis a = TestData.analyse("images/single_frontal/cc0_interfaces_001_frontal.jpg");
        FaceAnalysis f = a.faces().get(0);
        assertTrue(f.detectionScore() > 0.5);
        assertTrue(f.landmarkScore() > 0.9);
        assertNotNull(f.pose());
        assertTrue(f.mouthOpening() < 0.1, "closed mouth: " + f.mouthOpening());
        assertTrue(a.stages().containsAll(java.util.List.of("decode", "detect", "landmarks", "pose", "mouth")), a.stages().toString());
        // face inside the frame, keypoints inside the box
        assertTrue(f.box().x() > 0 && f.box().y() > 0 && f.box().x() + f.box().width() < a.width());
        assertTrue(f.keypoints()[4] > f.box().x() && f.keypoints()[4] < f.box().x() + f.box().width(), "nose in box");
        assertTrue(a.inferenceMicros().containsKey("blazeface"), a.inferenceMicros().toString());
    }

    @ParameterizedTest(name = "{0}: live={1}")
    @CsvSource({
            "images/spoof/live_silentface_T1_upright.jpg, true",
            "images/spoof/spoof_screen_replay_silentface_F2_upright.jpg, false",
            "images/spoof/spoof_screen_replay_SYNTHETIC_cc0_interfaces_001.jpg, false",
            "images/spoof/spoof_print_SYNTHETIC_cc0_interfaces_050.jpg, false",
            "images/single_frontal/cc0_interfaces_001_frontal.jpg, true",
            "images/single_frontal/cc0_interfaces_006_frontal.jpg, true",
            "images/single_frontal/cc0_interfaces_050_frontal.jpg, true",
            "images/single_frontal/nasa_astronaut_eileen_collins.png, true",
            "images/head_pose/yaw_toward_image_right_45_interfaces_040.jpg, true"})
    void spoofVerdicts(String image, boolean live) {
        if (!TestData.pipeline().activeStages().contains(Stage.SPOOF)) {
            return; // MiniFASNet not installed
        }
        SpoofScore s = TestData.analyse(image).faces().get(0).spoof();
        assertEquals(live, s.live(), image + " " + s);
        assertEquals(2, s.liveScoreByModel().size());
        // Not asserted, measured misses: the grayscale profile with the eye at a viewfinder
        // (profile_yaw_toward_image_right_85_...: live 0.21) and the mirrored near-profile (0.47) read as spoofs;
        // MiniFASNet is trained on near-frontal faces.
    }

    @Test
    void sidewaysFacesAreTurnedUprightForTheSpoofModels() {
        if (!TestData.pipeline().activeStages().contains(Stage.SPOOF)) {
            return;
        }
        // the Silent-Face samples decode lying on their side (EXIF Orientation=6 honoured, roll ~99); without turning
        // them upright the screen replay F2 scored live 0.52 (a miss), turned upright it scores 0.05
        FaceAnalysis f = TestData.analyse("images/spoof/spoof_screen_replay_silentface_F2_upright.jpg").faces().get(0);
        assertTrue(f.pose().roll() > 45);
        assertTrue(f.spoof().liveScore() < 0.3, f.spoof().toString());
    }

    @Test
    void gazeIsCentredWhenLookingIntoTheCamera() {
        if (!TestData.pipeline().activeStages().contains(Stage.GAZE)) {
            return;
        }
        Gaze g = TestData.analyse("images/single_frontal/cc0_interfaces_001_frontal.jpg").faces().get(0).gaze();
        assertEquals(2, g.eyes());
        assertTrue(Math.abs(g.horizontal()) < 0.3 && Math.abs(g.vertical()) < 0.6, g.toString());
        // turned 45 degrees: the yaw gate (45) keeps iris out of it
        Gaze turned = TestData.analyse("images/head_pose/yaw_toward_image_right_45_interfaces_040.jpg").faces().get(0).gaze();
        assertEquals(0, turned.eyes());
    }

    @Test
    void objectsFindThePersonAndNoPhoneInPortraits() {
        if (!TestData.pipeline().activeStages().contains(Stage.OBJECTS)) {
            return;
        }
        FrameAnalysis a = TestData.analyse("images/single_frontal/cc0_interfaces_001_frontal.jpg");
        assertTrue(a.objects().stream().anyMatch(o -> o.label().equals("person") && o.score() > 0.5), a.objects().toString());
        assertFalse(a.objects().stream().anyMatch(o -> o.label().equals("cell phone")), a.objects().toString());
    }

    @Test
    void corruptBytesAreRefused() {
        byte[] jpeg = TestData.image("images/single_frontal/cc0_interfaces_001_frontal.jpg");
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 200);
        assertThrows(CorruptFrameException.class, () -> TestData.pipeline().analyse(truncated));
    }

    @Test
    void missingModelIsReportedWithItsPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        try (FramePipeline p = new FramePipeline(empty)) {
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                    () -> p.analyse(TestData.image("images/single_frontal/cc0_interfaces_001_frontal.jpg")));
            assertTrue(e.getMessage().contains("blazeface"), e.getMessage());
        }
    }
}
