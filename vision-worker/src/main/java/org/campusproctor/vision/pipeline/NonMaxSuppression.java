package org.campusproctor.vision.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Greedy non-maximum suppression, shared by the detectors. Candidates are taken by descending score (ties keep their
 * input order); the best remaining one opens a cluster with every remaining candidate of the same kind whose box
 * overlaps it by an IoU above the threshold, and the cluster leaves the pool. Each cluster becomes one detection:
 * <ul>
 *     <li>{@link #keepBest}: hard NMS, the cluster's best candidate (NanoDet, per class);</li>
 *     <li>{@link #merge}: weighted NMS, a detection merged from the cluster (BlazeFace, MediaPipe's score-weighted
 *     mean).</li>
 * </ul>
 * The best candidate always belongs to its own cluster, whatever its box (a degenerate box overlaps nothing).
 */
public final class NonMaxSuppression {

    /** For detectors of one class: every candidate may suppress every other. */
    public static final BiPredicate<Detection, Detection> ANY_KIND = (a, b) -> true;

    private NonMaxSuppression() {
    }

    /** Hard NMS: the best candidate of each cluster, by descending score (a new, modifiable list). */
    public static <T extends Detection> List<T> keepBest(List<T> candidates, double iouThreshold,
                                                         BiPredicate<? super T, ? super T> sameKind) {
        return merge(candidates, iouThreshold, sameKind, cluster -> cluster.get(0));
    }

    /**
     * Weighted NMS: each cluster merged into one detection, by descending score of the cluster's best (a new,
     * modifiable list). The merger gets the cluster best first, the others by descending score.
     */
    public static <T extends Detection> List<T> merge(List<T> candidates, double iouThreshold,
                                                      BiPredicate<? super T, ? super T> sameKind,
                                                      Function<List<T>, T> merger) {
        List<T> kept = new ArrayList<>();
        for (List<T> cluster : clusters(candidates, iouThreshold, sameKind)) {
            kept.add(merger.apply(cluster));
        }
        return kept;
    }

    /** The clusters, each best first, in the order of their best's score. */
    static <T extends Detection> List<List<T>> clusters(List<T> candidates, double iouThreshold,
                                                        BiPredicate<? super T, ? super T> sameKind) {
        List<T> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<List<T>> clusters = new ArrayList<>();
        while (!remaining.isEmpty()) {
            T best = remaining.get(0);
            List<T> cluster = new ArrayList<>();
            cluster.add(best);
            List<T> rest = new ArrayList<>();
            for (T d : remaining.subList(1, remaining.size())) {
                (sameKind.test(best, d) && best.box().iou(d.box()) > iouThreshold ? cluster : rest).add(d);
            }
            clusters.add(cluster);
            remaining = rest;
        }
        return clusters;
    }
}
