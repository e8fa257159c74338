package practice

import (
	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/progress"
)

// activityText names an item for the statements sent to a Learning Record Store, in the pack's
// first language where the structure has a name in it: "Name the highlighted structure:
// Scaphoid".
func activityText(b *learning.Bank, it learning.Item, pk *content.Pack) progress.ActivityText {
	t := progress.ActivityText{Lang: "en"}
	if pk != nil && len(pk.Languages) > 0 {
		t.Lang = pk.Languages[0]
	}
	if it.MCQ != nil {
		t.Name = it.MCQ.Prompt
		return t
	}
	s, ok := b.Structure(it.Structure)
	if !ok {
		return progress.ActivityText{}
	}
	name := s.Name
	if n := s.Names[t.Lang]; n != "" {
		name = n
	} else {
		t.Lang = "en" // the English name, tagged as such
	}
	t.StandardID = s.ID
	switch it.Kind() {
	case learning.KindFind:
		t.Name, t.Description = "Find the structure: "+name, "Click "+name+" on the 3D model."
	case learning.KindNameChoice:
		t.Name, t.Description = "Name the highlighted structure (choices): "+name, "Choose the name of the highlighted structure."
	case learning.KindNameTyped:
		t.Name, t.Description = "Name the highlighted structure: "+name, "Type the name of the highlighted structure."
	default:
		t.Name = name
	}
	return t
}
