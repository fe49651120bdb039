package org.campusproctor.domain.media;

import org.campusproctor.contract.vision.FrameAnalysisReport;

/**
 * Fired (after commit) when a vision worker's report on a frame has been recorded. The web tier pushes it to the
 * staff allowed to see the attempt, hence the attempt's assigned proctor (null: none).
 */
public record FrameAnalysed(String status, FrameAnalysisReport report, String proctor) {
}
