package org.campusproctor.domain.media;

/** What a stored media object is: a sampled webcam frame or a chunk of a screen recording. */
public enum MediaKind {
    WEBCAM_FRAME,
    SCREEN_CHUNK
}
