-- Schema version 3: mastery needs repeated, spaced evidence (see the
-- learning package's documentation). Each skill counts the separate
-- occasions it was answered on; every learner's mastery is then recomputed
-- from their attempts by the Go step of this migration (recomputeMastery in
-- migrate_mastery.go), so no inflated estimate from the old rule is kept.

ALTER TABLE mastery ADD COLUMN occasions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mastery ADD COLUMN occasion_at INTEGER; -- when the latest occasion began
