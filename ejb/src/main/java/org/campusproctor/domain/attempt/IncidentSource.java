package org.campusproctor.domain.attempt;

/** Who noticed an incident: a vision worker, the candidate's browser, or a proctor. */
public enum IncidentSource { VISION, BROWSER, PROCTOR }
