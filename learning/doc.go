// Package learning holds Osteon's pure learning logic: item and skill
// identities, answer grading, FSRS-6 memory scheduling, mastery estimates,
// the learning-curve CUSUM and learning-curve fitting. It has no UI and no
// SQL; the progress store persists what this package computes.
//
// # Item identities
//
// An [ItemID] is "<kind>:<subject>". The kind is one of the [ItemKind]
// constants (lower case letters, digits and '-'); the subject is chosen by
// whoever generates the item and is opaque here: 1 to 256 bytes of valid
// UTF-8 with no white space and no control characters. Conventions used by
// the generators:
//
//	find:FMA:23462                       find a structure (its stable id)
//	name-choice:FMA:23462                name it, choosing among neighbours
//	name-typed:FMA:23462                 name it by typing
//	mcq:<pack>/<question id>             an authored multiple-choice item
//	procedure-step:<pack>/<proc>#<step>  choose a procedure's next step
//	procedure-test:<pack>/<proc>         a whole procedure in Test mode
//	drill:<pack>/<drill id>              one timed drill
//	consultation:<pack>/<scenario>       a whole consultation in Test mode
//
// Memory (FSRS) is kept per learner and ItemID, so an ItemID must stay the
// same across pack versions for the learner's history to carry over.
//
// A [SkillID] is "<kind>:<key>" with kind structure, region, system,
// procedure or consultation, e.g. "structure:FMA:23462", "region:upper-limb",
// "system:skeletal". An attempt names the skills it is evidence for.
//
// # Grading
//
// [GradeAnswer] turns correctness and response time into an FSRS grade: a
// wrong answer is Again; a right one is Easy when it took at most half the
// expected time for its kind, Good up to twice the expected time, and Hard
// when slower still (effortful recall). An unknown time counts as Good.
//
// # Mastery
//
// Mastery of a skill is a recency-weighted proportion of correct evidence:
// each graded answer contributes its score x in [0,1] with a weight that
// halves every HalfLife newer answers, so the estimate is
//
//	m = Σ λ^k x_k / Σ λ^k,   λ = 2^(-1/HalfLife), k = 0 for the newest.
//
// A skill becomes "mastered" when it has at least MinEvidence answers and
// m ≥ 0.85; it stays mastered while m ≥ 0.70. Why these numbers:
//
//   - Competency-based education asks for a demonstrated standard, not time
//     spent; mastery-learning practice (Bloom; Guskey) and most adaptive
//     tutors set the criterion at 80–90 % correct. 0.85 sits in that band.
//   - Recency weighting lets recent performance dominate, so old mistakes
//     stop counting once the learner has shown the skill again, and old
//     successes do not hide present forgetting.
//   - The minimum evidence count stops one or two lucky answers from counting
//     as mastery: with 4 choices a guesser gets 2 right in a row 1 time in 16,
//     but 5 in a row less than 1 time in 1000.
//   - The lower "keep" threshold (hysteresis) means a single slip does not
//     take away a badge just earned, since Osteon never penalises a learner.
//
// Structures and procedures use HalfLife 5 and MinEvidence 5; regions and
// systems aggregate many structures and use HalfLife 25 and MinEvidence 25,
// so that a region is not mastered on the strength of one structure.
// See [DefaultMasteryParams].
//
// # Proficiency and learning curves
//
// [CUSUM] is the standard learning-curve CUSUM (Williams et al. 1992; Bolsin
// & Colson 2000) over pass/fail outcomes of procedure tests, consultation
// tests ([ProcedureProficiency] charts both) and drills.
// [FitCurve] fits Y = a − b/X by least squares on 1/X and reports the
// plateau a and the trials needed to come within 10 % of it.
package learning
