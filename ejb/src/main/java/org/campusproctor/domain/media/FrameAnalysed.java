package org.campusproctor.domain.media;

import org.campusproctor.contract.vision.FrameAnalysisReport;

/** Fired (after commit) when a vision worker's report on a frame has been recorded. The web tier pushes it to proctors. */
public record FrameAnalysed(String status, FrameAnalysisReport report) {
}
