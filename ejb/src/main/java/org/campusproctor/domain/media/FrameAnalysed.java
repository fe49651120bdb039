package org.campusproctor.domain.media;

/** Fired (after commit) when a vision worker's analysis of a frame has been recorded. The web tier pushes it to proctors. */
public record FrameAnalysed(String mediaId, String attemptRef, String status, Integer faceCount, String workerNode,
                            String detailJson) {
}
