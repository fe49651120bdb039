package org.campusproctor.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.campusproctor.application.FrameAnalysisQueries;
import org.campusproctor.domain.media.FrameAnalysisRecord;

import java.util.List;

/** Backs the live-frames table of the proctor dashboard. */
@Named
@RequestScoped
public class FrameDashboard {

    @Inject
    private FrameAnalysisQueries queries;

    private List<FrameAnalysisRecord> latest;

    public List<FrameAnalysisRecord> getLatest() {
        if (latest == null) {
            latest = queries.latest(50);
        }
        return latest;
    }
}
