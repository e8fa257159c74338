package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// infoPanel shows the selected structure's names and facts, or the model's when none is selected,
// always with the credit the source asks for.
type infoPanel struct {
	text *widget.RichText
	root fyne.CanvasObject
}

func newInfoPanel() *infoPanel {
	p := &infoPanel{text: widget.NewRichText()}
	p.text.Wrapping = fyne.TextWrapWord
	p.root = container.NewVScroll(p.text)
	p.showScene(nil)
	return p
}

func heading(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleHeading}
}

func subheading(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading}
}

func para(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}
}

func italic(s string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	st.TextStyle.Italic = true
	return &widget.TextSegment{Text: s, Style: st}
}

func field(label, value string) widget.RichTextSegment {
	st := widget.RichTextStyleParagraph
	return &widget.TextSegment{Text: label + ": " + value, Style: st}
}

// showScene describes the model as a whole.
func (p *infoPanel) showScene(s *content.Scene) {
	if s == nil {
		p.text.Segments = []widget.RichTextSegment{heading("No model"), para("Open a model with File > Open (Ctrl+O).")}
		p.text.Refresh()
		return
	}
	segs := []widget.RichTextSegment{
		heading(firstNonEmpty(s.Title, "Model")),
		para(fmt.Sprintf("%d structures. Click one on the model or in the list to see its names and facts.", len(s.Parts))),
	}
	if s.Schematic {
		segs = append(segs, italic("Schematic: drawn for teaching from published average dimensions, not from a patient."))
	}
	segs = append(segs, creditSegments(s.Attribution, s.Source)...)
	for _, w := range s.Warnings {
		segs = append(segs, italic("Note: "+w))
	}
	p.text.Segments = segs
	p.text.Refresh()
}

// showStructure describes one structure.
func (p *infoPanel) showStructure(st *content.Structure, s *content.Scene) {
	segs := []widget.RichTextSegment{heading(st.Name)}
	if st.NameLatin != "" {
		segs = append(segs, italic(st.NameLatin))
	}
	if len(st.Synonyms) > 0 {
		segs = append(segs, field("Also called", strings.Join(st.Synonyms, ", ")))
	}
	segs = append(segs, field("System", systemName(st.System)), field("Region", regionName(st.Region)))
	if st.Side != "" {
		segs = append(segs, field("Side", capitalise(st.Side)))
	}
	segs = append(segs, field("Identifier", st.ID))
	for _, f := range []struct{ label, text string }{
		{"Description", st.Description}, {"Origin", st.Origin}, {"Insertion", st.Insertion},
		{"Innervation", st.Innervation}, {"Blood supply", st.BloodSupply},
	} {
		if f.text != "" {
			segs = append(segs, subheading(f.label), para(f.text))
		}
	}
	credit, source := st.Credit, ""
	if s != nil {
		credit, source = firstNonEmpty(st.Credit, s.Attribution), s.Source
		if s.Schematic {
			segs = append(segs, italic("Schematic model: shapes and sizes are simplified."))
		}
	}
	segs = append(segs, creditSegments(credit, source)...)
	p.text.Segments = segs
	p.text.Refresh()
}

func creditSegments(credit, source string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if credit != "" {
		segs = append(segs, subheading("Credit"), para(credit))
	}
	if source != "" {
		segs = append(segs, italic("Source file: "+source))
	}
	return segs
}
