-- Osteon progress store, schema version 1: learners, practice sessions,
-- attempts, FSRS memory state and mastery.
--
-- Conventions: every time is INTEGER milliseconds since the Unix epoch, UTC.
-- Every learner-owned row carries learner_id and is deleted with its learner.
-- Tables are STRICT so a wrong type is an error, not a silent conversion.

PRAGMA application_id = 1330861125; -- 0x4F535445, "OSTE"

CREATE TABLE learners (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL COLLATE NOCASE UNIQUE
                 CHECK (length(name) BETWEEN 1 AND 64),
    -- NULL, or "pbkdf2-sha256$<iterations>$<salt>$<key>" (base64, no padding)
    pin_hash     TEXT,
    -- random, stable: identifies the learner in exports unless use_name = 1
    pseudonym    TEXT    NOT NULL UNIQUE,
    use_name     INTEGER NOT NULL DEFAULT 0 CHECK (use_name IN (0, 1)),
    leaderboard  INTEGER NOT NULL DEFAULT 0 CHECK (leaderboard IN (0, 1)),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL, -- practice, drill, procedure, ...
    scope      TEXT    NOT NULL DEFAULT '',
    started_at INTEGER NOT NULL,
    ended_at   INTEGER
) STRICT;
CREATE INDEX sessions_by_learner ON sessions (learner_id, started_at);

CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    session_id   INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    item_id      TEXT    NOT NULL,
    item_kind    TEXT    NOT NULL,
    pack_id      TEXT    NOT NULL DEFAULT '',
    pack_version TEXT    NOT NULL DEFAULT '',
    grade        INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
    score        REAL    NOT NULL CHECK (score BETWEEN 0 AND 1),
    response_ms  INTEGER NOT NULL CHECK (response_ms >= 0),
    at           INTEGER NOT NULL,
    points       INTEGER NOT NULL DEFAULT 0,
    skills       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
    detail       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX attempts_by_learner ON attempts (learner_id, at);
CREATE INDEX attempts_by_item ON attempts (learner_id, item_id, at);
CREATE INDEX attempts_by_session ON attempts (session_id) WHERE session_id IS NOT NULL;

-- FSRS card per learner and item (learning.Card).
CREATE TABLE memory (
    learner_id      INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    item_id         TEXT    NOT NULL,
    item_kind       TEXT    NOT NULL,
    due             INTEGER NOT NULL,
    stability       REAL    NOT NULL,
    difficulty      REAL    NOT NULL,
    scheduled_days  INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    lapses          INTEGER NOT NULL,
    state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    last_review     INTEGER,
    remaining_steps INTEGER NOT NULL,
    PRIMARY KEY (learner_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memory_by_due ON memory (learner_id, due);

-- learning.MasteryState per learner and skill.
CREATE TABLE mastery (
    learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    skill_id     TEXT    NOT NULL,
    skill_kind   TEXT    NOT NULL,
    weighted_sum REAL    NOT NULL,
    weight       REAL    NOT NULL,
    evidence     INTEGER NOT NULL,
    estimate     REAL    NOT NULL, -- weighted_sum / weight, kept for ordering
    mastered     INTEGER NOT NULL CHECK (mastered IN (0, 1)),
    mastered_at  INTEGER, -- first time mastered
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (learner_id, skill_id)
) STRICT, WITHOUT ROWID;
-- Weakest first: entries end with the primary key's skill_id, so this
-- index is in exactly WeakestSkills' order (estimate, evidence, skill_id).
-- Mastery of one kind needs no index: skill ids start with their kind, so
-- they are a range of the primary key.
CREATE INDEX mastery_by_kind ON mastery (learner_id, skill_kind, estimate, evidence);
