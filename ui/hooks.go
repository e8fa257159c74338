package ui

// startWeakestPractice starts a practice session on the learner's weakest skills. The Progress
// screen's "Practise my weakest" calls it; the Practice screen implements it.
func (u *UI) startWeakestPractice() {
	if p := u.practiceOf(); p != nil {
		p.startWeakest()
	}
}
