package org.campusproctor.vision.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Everything found about one face, with the raw scores: detection box/score, landmark face score, head pose, gaze,
 * mouth opening, spoof scores and the face-match distance. Stages that did not run are null.
 */
public record FaceAnalysis(Box box, double detectionScore, double[] keypoints, Double landmarkScore, HeadPose pose,
                           Gaze gaze, Double mouthOpening, SpoofScore spoof, Double matchDistance, float[] embedding) {

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder f = Json.createObjectBuilder()
                .add("box", Json.createArrayBuilder().add(round(box.x())).add(round(box.y()))
                        .add(round(box.width())).add(round(box.height())))
                .add("detectionScore", round4(detectionScore));
        JsonArrayBuilder kp = Json.createArrayBuilder();
        for (double v : keypoints) {
            kp.add(round(v));
        }
        f.add("keypoints", kp);
        if (landmarkScore != null) {
            f.add("landmarkScore", round4(landmarkScore));
        }
        if (pose != null) {
            f.add("pose", Json.createObjectBuilder().add("yaw", round(pose.yaw())).add("pitch", round(pose.pitch()))
                    .add("roll", round(pose.roll())).add("reprojectionErrorPx", round(pose.reprojectionError())));
        }
        if (gaze != null) {
            f.add("gaze", Json.createObjectBuilder().add("horizontal", round4(gaze.horizontal()))
                    .add("vertical", round4(gaze.vertical())).add("eyes", gaze.eyes()));
        }
        if (mouthOpening != null) {
            f.add("mouthOpening", round4(mouthOpening));
        }
        if (spoof != null) {
            JsonObjectBuilder per = Json.createObjectBuilder();
            spoof.liveScoreByModel().forEach((k, v) -> per.add(k, round4(v)));
            f.add("spoof", Json.createObjectBuilder().add("liveScore", round4(spoof.liveScore()))
                    .add("live", spoof.live()).add("liveScoreByModel", per));
        }
        if (matchDistance != null) {
            f.add("matchDistance", round4(matchDistance));
        }
        return f;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
