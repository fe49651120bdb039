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
 * Backs proctor/session.xhtml: one exam's candidates as tiles, riskiest first, a page at a time from the server (a
 * proctor of 200 candidates never loads them all). Pushed events update the tiles in the browser (proctor/live.js);
 * the order is read again when the proctor pages, filters or refreshes.
 */
@Named
@ViewScoped
public class LiveSessionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProctorDesk desk;

    private String examId;
    private String filter;
    private int rows = 50;
    private ProctorDesk.ExamSummary exam;
    private final LazyDataModel<ProctorDesk.Tile> tiles = new Tiles();

    /** f:viewAction: the exam, if the caller has attempts on it. */
    public void load() {
        exam = examId == null ? null
                : desk.exams().stream().filter(e -> e.id().equals(examId)).findFirst().orElse(null);
    }

    private final class Tiles extends LazyDataModel<ProctorDesk.Tile> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return exam == null ? 0 : (int) desk.tiles(examId, filter, 0, 1).total();
        }

        @Override
        public List<ProctorDesk.Tile> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                           Map<String, FilterMeta> filterBy) {
            if (exam == null) {
                return List.of();
            }
            ProctorDesk.Page<ProctorDesk.Tile> page = desk.tiles(examId, filter, first, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ProctorDesk.Tile tile) {
            return tile.attemptId();
        }
    }

    /** Time left as the tiles show it. */
    public String clock(long seconds) {
        return clockText(seconds);
    }

    /** "12:05" or "1:02:05" for a number of seconds. */
    static String clockText(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    public String getExamId() { return examId; }
    public void setExamId(String examId) { this.examId = examId; }
    /** Tiles per page: 1..{@value ProctorDesk#MAX_PAGE} (the view parameter {@code rows}, else 50). */
    public int getRows() { return rows; }
    public void setRows(int rows) { this.rows = Math.max(1, Math.min(rows, ProctorDesk.MAX_PAGE)); }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public ProctorDesk.ExamSummary getExam() { return exam; }
    public LazyDataModel<ProctorDesk.Tile> getTiles() { return tiles; }
}
