package learning

// Several meshes, one concept. A source may show one thing in several meshes (eleven renal
// pyramids in a kidney, compact bone tissue in every bone of the pelvis). To a learner they are
// one concept: they read alike, so practice asks about the concept once, and any instance
// answers "find the renal pyramid". Structures are one concept when the pack says so
// (Structure.Concept) or when their English names and sides are the same, which no question
// could tell apart anyway.

// conceptKey is structure i's concept: the pack's, else its name and side, else its id.
func (b *Bank) conceptKey(i int) string {
	s := &b.structures[i]
	switch {
	case s.Concept != "":
		return "concept:" + s.Concept
	case b.names[i].display != "":
		return "name:" + b.names[i].display + "|" + s.Side
	}
	return "id:" + s.ID
}

// indexConcepts groups the structures on the model by concept, in the order given.
func (b *Bank) indexConcepts() {
	b.conceptOf = make([]string, len(b.structures))
	b.members = map[string][]int{}
	for i := range b.structures {
		k := b.conceptKey(i)
		b.conceptOf[i] = k
		if b.structures[i].OnModel {
			b.members[k] = append(b.members[k], i)
		}
	}
}

// representative reports whether structure i stands for its concept: the first of its
// instances on the model. Items are made for representatives only.
func (b *Bank) representative(i int) bool {
	m := b.members[b.conceptOf[i]]
	return len(m) > 0 && m[0] == i
}

// sameConcept reports whether structures i and j show one concept.
func (b *Bank) sameConcept(i, j int) bool { return b.conceptOf[i] == b.conceptOf[j] }

// Instances lists the structures on the model that show the same concept as id, id first; just
// id when it has no other instance, nil when id is not a structure of the bank.
func (b *Bank) Instances(id string) []string {
	i, ok := b.byID[id]
	if !ok {
		return nil
	}
	out := []string{id}
	for _, j := range b.members[b.conceptOf[i]] {
		if j != i {
			out = append(out, b.structures[j].ID)
		}
	}
	return out
}

// Finds reports whether a click on structure id answers the question: for a find question, the
// target or any other instance of its concept.
func (q Question) Finds(id string) bool {
	if id == "" {
		return false
	}
	if id == q.Target {
		return true
	}
	for _, a := range q.Accept {
		if a == id {
			return true
		}
	}
	return false
}
