package org.campusproctor.interfaces.web.proctor;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.ProctorDesk;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Backs proctor/review.xhtml: completed attempts awaiting review, those at or above their exam's review threshold
 * first, paged on the server; and, for one exam, the detector figures (incidents by type, share dismissed).
 */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProctorDesk desk;

    private String examId;
    private List<ProctorDesk.DetectorFigure> figures = List.of();
    private List<ProctorDesk.ExamSummary> exams = List.of();
    private final LazyDataModel<ProctorDesk.ReviewItem> queue = new Queue();

    public void load() {
        exams = desk.exams();
        if (examId != null && exams.stream().noneMatch(e -> e.id().equals(examId))) {
            examId = null;
        }
        figures = examId == null ? List.of() : desk.figures(examId);
    }

    private final class Queue extends LazyDataModel<ProctorDesk.ReviewItem> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) desk.reviewQueue(examId, 0, 1).total();
        }

        @Override
        public List<ProctorDesk.ReviewItem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                                 Map<String, FilterMeta> filterBy) {
            ProctorDesk.Page<ProctorDesk.ReviewItem> page = desk.reviewQueue(examId, first, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ProctorDesk.ReviewItem item) {
            return item.attemptId();
        }
    }

    /** "25 %" */
    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    public String getExamId() { return examId; }
    public void setExamId(String examId) { this.examId = examId; }
    public List<ProctorDesk.DetectorFigure> getFigures() { return figures; }
    public List<ProctorDesk.ExamSummary> getExams() { return exams; }
    public LazyDataModel<ProctorDesk.ReviewItem> getQueue() { return queue; }
}
