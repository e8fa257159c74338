package explore

import (
	"github.com/osteon/osteon/ui/kit"

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
	text   *widget.RichText
	source *widget.Label // the model's file: a path has no spaces to wrap at, so it breaks anywhere
	root   fyne.CanvasObject
}

func newInfoPanel() *infoPanel {
	p := &infoPanel{text: widget.NewRichText(), source: widget.NewLabel("")}
	p.text.Wrapping = fyne.TextWrapWord
	p.source.Wrapping = fyne.TextWrapBreak // whole, wrapped anywhere, and selectable to copy
	p.source.Selectable = true
	p.source.TextStyle.Italic = true
	p.root = container.NewVScroll(container.NewVBox(p.text, p.source))
	p.showScene(nil)
	return p
}

// showSource shows the model's file under the text, or nothing.
func (p *infoPanel) showSource(path string) {
	p.source.SetText("Source file: " + path)
	p.source.Hidden = path == ""
	p.source.Refresh()
}

// showScene describes the model as a whole.
func (p *infoPanel) showScene(s *content.Scene) {
	if s == nil {
		p.text.Segments = []widget.RichTextSegment{kit.Heading("No model"), kit.Para("Open a model with File > Open (Ctrl+O).")}
		p.text.Refresh()
		p.showSource("")
		return
	}
	segs := []widget.RichTextSegment{
		kit.Heading(kit.FirstNonEmpty(s.Title, "Model")),
		kit.Para(fmt.Sprintf("%d structures. Click one on the model or in the list to see its names and facts.", len(s.Parts))),
	}
	if s.Schematic {
		segs = append(segs, kit.Italic("Schematic: drawn for teaching from published average dimensions, not from a patient."))
	}
	segs = append(segs, creditSegments(s.Attribution)...)
	for _, w := range s.Warnings {
		segs = append(segs, kit.Italic("Note: "+w))
	}
	p.text.Segments = segs
	p.text.Refresh()
	p.showSource(s.Source)
}

// showStructure describes one structure.
func (p *infoPanel) showStructure(st *content.Structure, s *content.Scene) {
	segs := []widget.RichTextSegment{kit.Heading(st.Name)}
	if st.NameLatin != "" {
		segs = append(segs, kit.Italic(st.NameLatin))
	}
	if len(st.Synonyms) > 0 {
		segs = append(segs, kit.Field("Also called", strings.Join(st.Synonyms, ", ")))
	}
	segs = append(segs, kit.Field("System", kit.SystemName(st.System)), kit.Field("Region", kit.RegionName(st.Region)))
	if st.Side != "" {
		segs = append(segs, kit.Field("Side", kit.Capitalise(st.Side)))
	}
	segs = append(segs, kit.Field("Identifier", st.ID))
	for _, f := range []struct{ label, text string }{
		{"Description", st.Description}, {"Origin", st.Origin}, {"Insertion", st.Insertion},
		{"Innervation", st.Innervation}, {"Blood supply", st.BloodSupply},
	} {
		if f.text != "" {
			segs = append(segs, kit.Subheading(f.label), kit.Para(f.text))
		}
	}
	credit, source := st.Credit, ""
	if s != nil {
		credit, source = kit.FirstNonEmpty(st.Credit, s.Attribution), s.Source
		if s.Schematic {
			segs = append(segs, kit.Italic("Schematic model: shapes and sizes are simplified."))
		}
	}
	segs = append(segs, creditSegments(credit)...)
	p.text.Segments = segs
	p.text.Refresh()
	p.showSource(source)
}

func creditSegments(credit string) []widget.RichTextSegment {
	if credit == "" {
		return nil
	}
	return []widget.RichTextSegment{kit.Subheading("Credit"), kit.Para(credit)}
}
