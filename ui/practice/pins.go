package practice

import (
	"github.com/osteon/osteon/ui/kit"

	"github.com/osteon/osteon/content"
	"github.com/osteon/osteon/learning"
	"github.com/osteon/osteon/render"
)

// tourPins are the pins with questions in the pack's tours, as Practice items (asked like the
// pack's other items, "What is at this pin?"). A tour that cannot be read is left out here; the
// Tours screen says what is wrong with it.
func tourPins(p *content.Pack) []learning.PinQuestion {
	if p == nil {
		return nil
	}
	var out []learning.PinQuestion
	for _, f := range p.Tours() {
		t, _ := p.LoadTour(f)
		if t == nil {
			continue
		}
		for _, s := range t.Stops {
			for _, pin := range s.Pins {
				if pin.Question == "" {
					continue
				}
				out = append(out, learning.PinQuestion{Pack: p.ID, Tour: f, ID: pin.ID, Structure: pin.Answer,
					Point: pin.Point, Prompt: pin.Question, Note: pin.Note})
			}
		}
	}
	return out
}

// questionPins is the pin a pin question asks about, drawn over the model (no note: it could give
// the answer away); none for other questions.
func questionPins(q learning.Question) []kit.PinMark {
	if q.Item.Pin == nil {
		return nil
	}
	return []kit.PinMark{{Point: render.PinPoint(content.Pin{Point: q.Item.Pin.Point}), Label: "?"}}
}
