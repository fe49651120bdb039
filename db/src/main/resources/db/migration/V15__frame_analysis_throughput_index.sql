-- The system page counts each worker node's frame analyses of the last 15 minutes and reads its latest one;
-- the dashboards list the latest analyses. Both read frame_analysis by time.
CREATE INDEX ix_frame_analysis_analysed_at ON frame_analysis (analysed_at);
CREATE INDEX ix_frame_analysis_node_time ON frame_analysis (worker_node, analysed_at);
