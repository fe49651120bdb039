package org.campusproctor.contract.vision;

/** What the vision workers' incident rules can raise over the frames of one attempt. */
public enum IncidentType {
    NO_FACE, MULTIPLE_FACES, LOOKING_AWAY, SPOOF_SUSPECTED, IDENTITY_MISMATCH, PHONE_SEEN
}
