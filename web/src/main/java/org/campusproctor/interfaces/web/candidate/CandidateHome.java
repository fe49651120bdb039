package org.campusproctor.interfaces.web.candidate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.CandidateAttempts;
import org.campusproctor.application.CandidateExamView;

import java.io.Serializable;
import java.util.List;

/** Backs candidate/index.xhtml: the candidate's exams, open now, upcoming and done. */
@Named
@ViewScoped
public class CandidateHome implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CandidateAttempts attempts;

    private List<CandidateExamView> open;
    private List<CandidateExamView> upcoming;
    private List<CandidateExamView> done;

    @PostConstruct
    void load() {
        List<CandidateExamView> exams = attempts.myExams();
        open = exams.stream().filter(CandidateExamView::open).toList();
        upcoming = exams.stream().filter(CandidateExamView::upcoming).toList();
        done = exams.stream().filter(CandidateExamView::done).toList();
    }

    public List<CandidateExamView> getOpen() { return open; }
    public List<CandidateExamView> getUpcoming() { return upcoming; }
    public List<CandidateExamView> getDone() { return done; }
}
