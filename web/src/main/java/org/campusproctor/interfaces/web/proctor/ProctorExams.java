package org.campusproctor.interfaces.web.proctor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.ProctorDesk;

import java.util.List;

/** Backs the proctor's home: the exams with candidates assigned to them (an admin: every exam with attempts). */
@Named
@RequestScoped
public class ProctorExams {

    @Inject
    private ProctorDesk desk;

    private List<ProctorDesk.ExamSummary> exams;

    public List<ProctorDesk.ExamSummary> getExams() {
        if (exams == null) {
            exams = desk.exams();
        }
        return exams;
    }
}
