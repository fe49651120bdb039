package org.campusproctor.vision.pipeline;

import java.util.Map;

/**
 * Anti-spoofing verdict of the MiniFASNet ensemble: per model the softmax probability of "live" (class 1), and the
 * ensemble mean of the softmax vectors; {@code live} when the mean live probability is the largest class.
 */
public record SpoofScore(Map<String, Double> liveScoreByModel, double liveScore, boolean live) {
}
