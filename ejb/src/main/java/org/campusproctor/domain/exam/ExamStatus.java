package org.campusproctor.domain.exam;

/** Draft exams are edited; published ones take registrations and attempts; archived ones are read-only history. */
public enum ExamStatus { DRAFT, PUBLISHED, ARCHIVED }
