package org.campusproctor.domain.attempt;

/**
 * Who noticed an incident: a vision worker, the candidate's browser, a proctor, or the server itself (a required
 * webcam that stopped sending).
 */
public enum IncidentSource { VISION, BROWSER, PROCTOR, SERVER }
