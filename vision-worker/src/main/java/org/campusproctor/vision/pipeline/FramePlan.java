package org.campusproctor.vision.pipeline;

/**
 * Which stages run on one frame of an attempt, as its schedule decides: the face detector or tracking of the
 * attempt's face from its previous frame, and the optional stages (each only where it is active at all). Landmarks,
 * pose and mouth run on every frame with a face.
 *
 * @param track  the face to follow from the previous frame, or null: run the face detector
 * @param still  the attempt's last analysed frame, whose face results this frame takes when it barely differs from
 *               it ({@link StillFrame}), or null: analyse it
 * @param stillMaxDifference the grey-level limit of that comparison; 0: no comparison and no thumbnail kept
 */
public record FramePlan(TrackedFace track, boolean gaze, boolean spoof, boolean match, boolean objects,
                        StillFrame still, double stillMaxDifference) {

    /** Every active stage, faces detected. */
    public static final FramePlan EVERYTHING = new FramePlan(null, true, true, true, true);

    /** A plan without the still-frame check. */
    public FramePlan(TrackedFace track, boolean gaze, boolean spoof, boolean match, boolean objects) {
        this(track, gaze, spoof, match, objects, null, 0);
    }
}
