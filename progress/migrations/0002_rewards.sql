-- Schema version 2: drill runs, and the points, streaks and milestones that
-- reward practice. Learners who already have attempts get their totals
-- computed from them.

CREATE TABLE drill_runs (
    id           INTEGER PRIMARY KEY,
    learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    session_id   INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    drill_id     TEXT    NOT NULL,
    pack_id      TEXT    NOT NULL DEFAULT '',
    pack_version TEXT    NOT NULL DEFAULT '',
    at           INTEGER NOT NULL,
    duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),
    trials       INTEGER NOT NULL CHECK (trials >= 0),
    score        REAL    NOT NULL, -- higher is better; the drill defines it
    accuracy     REAL    NOT NULL CHECK (accuracy BETWEEN 0 AND 1),
    speed        REAL    NOT NULL CHECK (speed >= 0),      -- trials per minute
    throughput   REAL    NOT NULL CHECK (throughput >= 0), -- Fitts, bits/s; 0 if n/a
    points       INTEGER NOT NULL DEFAULT 0,
    detail       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX drill_runs_by_drill ON drill_runs (learner_id, drill_id, at);
CREATE INDEX drill_runs_by_session ON drill_runs (session_id) WHERE session_id IS NOT NULL;

-- Running totals per learner, kept by the same transactions that record
-- attempts and drill runs; the leaderboard reads them.
CREATE TABLE learner_stats (
    learner_id     INTEGER PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
    points         INTEGER NOT NULL DEFAULT 0,
    attempts       INTEGER NOT NULL DEFAULT 0,
    correct        INTEGER NOT NULL DEFAULT 0,
    drill_runs     INTEGER NOT NULL DEFAULT 0,
    mastered       INTEGER NOT NULL DEFAULT 0,
    streak         INTEGER NOT NULL DEFAULT 0,
    longest_streak INTEGER NOT NULL DEFAULT 0,
    last_day       TEXT -- YYYY-MM-DD of the last practice, learner's local time
) STRICT;

CREATE TABLE milestones (
    learner_id  INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    key         TEXT    NOT NULL,
    achieved_at INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    PRIMARY KEY (learner_id, key)
) STRICT, WITHOUT ROWID;

INSERT INTO learner_stats (learner_id, points, attempts, correct, mastered)
SELECT l.id,
       (SELECT coalesce(sum(a.points), 0) FROM attempts a WHERE a.learner_id = l.id),
       (SELECT count(*) FROM attempts a WHERE a.learner_id = l.id),
       (SELECT coalesce(sum(a.correct), 0) FROM attempts a WHERE a.learner_id = l.id),
       (SELECT count(*) FROM mastery m WHERE m.learner_id = l.id AND m.mastered = 1)
FROM learners l;
