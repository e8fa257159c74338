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
// [Bank.Judge] is the one judging path for a question: it decides whether
// an answer is right (a find question's click, a typed name through
// [Bank.JudgeTyped], a choice); [GradeItem] then grades it, and the progress
// store grades an attempt recorded without a grade with the same function.
//
// # Names
//
// [FoldName] is the one accent-folding rule: lower case, Unicode
// compatibility decomposition without combining marks, and æ, œ, ß, ø, ł
// and the like spelt in plain letters. [NormalizeName] (typed answers) is
// built on it, and searching structures by name must use it too, so that a
// name found by typing it in the search field is also accepted when typed
// as an answer.
//
// # Mastery
//
// One rule decides every figure a learner sees about mastery: the bars by
// region and system, the "mastered" tick on them, the count of skills
// mastered in the Progress header, and the colours painted on the model all
// read [MasteryState.Estimate] and [MasteryState.Mastered] as the progress
// store keeps them, and the two agree: the estimate is at or above
// [MasteryThreshold] (0.85) exactly when the skill is mastered.
//
// The estimate is a recency-weighted proportion correct that starts from a
// prior of wrong answers. Each graded answer contributes its score x in
// [0,1] with a weight that halves every HalfLife newer answers, and the
// prior's Prior wrong answers fade in the same way:
//
//	m = Σ λ^k x_k / (Σ λ^k + Prior·λ^n),   λ = 2^(-1/HalfLife),
//
// k = 0 for the newest of n answers. A few answers cannot overturn the
// prior: one right answer about a structure shows 28 %, two 45 %, five 72 %;
// it takes nine right answers in a row to pass 85 %. A region or system
// (prior 10, half-life 25) shows 9 % after one right answer and 73 % after
// twenty.
//
// A skill is mastered when m ≥ 0.85, it has at least MinEvidence answers,
// and those answers came on at least MinOccasions separate occasions, each
// at least Spacing (20 hours) after the start of the one before. Until then
// the estimate is held at 0.84, so thirty right answers in one sitting show
// 84 % and "not yet mastered": mastery is shown again on another day. A skill
// stops being mastered as soon as m falls below 0.85 (two slips in a row
// after a long run do it; one does not), and the header's count follows;
// the points and milestones earned stay. Why these numbers:
//
//   - Competency-based education asks for a demonstrated standard, not time
//     spent; mastery-learning practice (Bloom; Guskey) and most adaptive
//     tutors set the criterion at 80–90 % correct. 0.85 sits in that band.
//   - A prior that answers must outweigh (a Beta prior in effect, centred
//     on "not known") stops one or two lucky answers from claiming much:
//     with 4 choices a guesser gets 2 right in a row 1 time in 16, but 9 in
//     a row about 1 time in 260,000.
//   - Repeated, spaced evidence: what is answered right twenty minutes after
//     the feedback may be gone tomorrow (the spacing effect; Cepeda et al.
//     2006), so mastery needs the skill shown again after a night's gap.
//   - Recency weighting lets recent performance dominate, so old mistakes
//     stop counting once the learner has shown the skill again, and old
//     successes do not hide present forgetting.
//
// Structures and procedures use HalfLife 5, Prior 3 and MinEvidence 5;
// regions and systems aggregate many structures and use HalfLife 25, Prior
// 10 and MinEvidence 25, so that a region is not mastered on the strength of
// one structure. See [DefaultMasteryParams]. The progress store recomputed
// every learner's stored mastery from their attempts with this rule when it
// was introduced (schema version 3).
//
// # Proficiency and learning curves
//
// [CUSUM] is the standard learning-curve CUSUM (Williams et al. 1992; Bolsin
// & Colson 2000) over pass/fail outcomes of procedure tests, consultation
// tests ([ProcedureProficiency] charts both) and drills.
// [FitCurve] fits Y = a − b/X by least squares on 1/X and reports the
// plateau a and the trials needed to come within 10 % of it.
package learning
