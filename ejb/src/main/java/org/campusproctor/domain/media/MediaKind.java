package org.campusproctor.domain.media;

/** What a stored media object is: a sampled webcam frame, a chunk of a screen recording, or an enrolment photo. */
public enum MediaKind {
    WEBCAM_FRAME,
    SCREEN_CHUNK,
    ENROLMENT_PHOTO
}
