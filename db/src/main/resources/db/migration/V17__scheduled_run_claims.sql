-- Timers run on every node of a scaled-out installation. A scheduled job that must run once per day is claimed by a
-- conditional update of its row (the day moves forward once): the node that updates one row starts it, the others
-- update none and skip.
CREATE TABLE scheduled_run (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    last_day DATE NOT NULL
);
INSERT INTO scheduled_run (name, last_day) VALUES ('media-retention-daily', DATE '2000-01-01');
