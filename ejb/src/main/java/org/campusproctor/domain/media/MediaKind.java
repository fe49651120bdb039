package org.campusproctor.domain.media;

/**
 * What a stored media object is: a sampled webcam frame, a chunk of a screen recording, an enrolment photo, or a
 * photo the candidate took at the identity check (kept with the attempt like its frames).
 */
public enum MediaKind {
    WEBCAM_FRAME,
    SCREEN_CHUNK,
    ENROLMENT_PHOTO,
    IDENTITY_PHOTO
}
