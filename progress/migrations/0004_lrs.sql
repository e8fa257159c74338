-- Schema version 4: sending xAPI statements to a Learning Record Store.
-- (Version 3 is the mastery recompute of another change; a database goes
-- from 2 to 4 directly where that migration is not present.)

-- One row: whether sending is on for this database, and how it goes. The
-- endpoint and credentials live outside the database (see LRSConfig).
CREATE TABLE lrs_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    enabled       INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    paused        INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    backfilled_at INTEGER, -- when the history was queued, once
    sent          INTEGER NOT NULL DEFAULT 0,
    last_sent_at  INTEGER,
    last_error    TEXT    NOT NULL DEFAULT '',
    last_error_at INTEGER,
    stopped       INTEGER NOT NULL DEFAULT 0 CHECK (stopped IN (0, 1)), -- a 4xx: wait for the user
    version       TEXT    NOT NULL DEFAULT '' -- xAPI version agreed with the LRS
) STRICT;
INSERT INTO lrs_state (id) VALUES (1);

-- Statements waiting to be sent, oldest first. A row is deleted once the
-- LRS has it; its statement id is stable, so sending it twice is harmless.
-- Each statement is queued once (the history once, under lrs_state's
-- backfilled_at, then each record as it is made), so statement_id needs no
-- index, which would cost every answer another page write.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    statement_id TEXT    NOT NULL,
    body         TEXT    NOT NULL CHECK (json_valid(body)),
    queued_at    INTEGER NOT NULL
) STRICT;

-- Readable names of activities (quiz items, drills, skills) in the
-- language of the pack that named them, for statements: the latest name
-- given when an answer or run was recorded.
CREATE TABLE activities (
    kind        TEXT NOT NULL, -- items, drills or skills
    id          TEXT NOT NULL, -- item id, drill id or skill id
    lang        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    standard_id TEXT NOT NULL DEFAULT '', -- e.g. FMA:23462 for a structure
    PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;
