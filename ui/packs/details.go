package packs

import (
	"github.com/osteon/osteon/ui/kit"

	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/osteon/osteon/content"
)

// maxProblemsShown bounds the problems a report lists; the rest are counted.
const maxProblemsShown = 200

// originSentence explains where a pack lives and who looks after it.
func originSentence(o content.Origin) string {
	switch o {
	case content.OriginBuiltin:
		return "Built in: it comes with Osteon and cannot be removed."
	case content.OriginSystem:
		return "System-wide: installed for everyone on this computer. The computer's administrator manages it."
	case content.OriginLearner:
		return "Yours: installed for you only, in your own packs folder. You can remove it."
	}
	return "Opened from a file, not installed."
}

// learnerCopy is the learner's own copy of p: p itself, or a copy it hides; nil when none.
func learnerCopy(p *content.Pack) *content.Pack {
	if p.Origin == content.OriginLearner {
		return p
	}
	for _, c := range p.Shadows {
		if c.Origin == content.OriginLearner {
			return c
		}
	}
	return nil
}

// removable says whether the learner can remove p here, and why not (or what removal affects).
func removable(p *content.Pack) (bool, string) {
	if own := learnerCopy(p); own != nil && own != p {
		return true, fmt.Sprintf("Remove takes away your own copy (version %s); the %s one stays.", own.Version, kit.OriginName(p.Origin))
	}
	switch p.Origin {
	case content.OriginLearner:
		return true, ""
	case content.OriginSystem:
		return false, "Installed for everyone: only the computer's administrator can remove it."
	case content.OriginBuiltin:
		return false, "Comes with Osteon: it cannot be removed."
	}
	return false, ""
}

// packSegments describes a pack in full for the details pane.
func packSegments(p *content.Pack, current bool) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{kit.Heading(p.Title), kit.Field("Version", p.Version+"    Pack id: "+p.ID)}
	if current {
		segs = append(segs, kit.Italic("Open in Explore now."))
	}
	segs = append(segs, kit.Para(originSentence(p.Origin)))
	if p.Description != "" {
		segs = append(segs, kit.Para(p.Description))
	}
	if p.Schematic {
		segs = append(segs, kit.Italic("Schematic: drawn for teaching, not taken from a body."))
	}
	segs = append(segs, kit.Subheading("Licence and credit"), kit.Field("Licence", kit.FirstNonEmpty(p.License, "not given")))
	if p.Attribution != "" {
		segs = append(segs, kit.Para(p.Attribution))
	} else {
		segs = append(segs, kit.Italic("The pack gives no attribution."))
	}
	segs = append(segs, aboutSegments(p)...)
	segs = append(segs, structureSegments(p)...)
	segs = append(segs, diskSegments(p)...)
	return segs
}

// aboutSegments are the authors, homepage, languages and app version a pack names.
func aboutSegments(p *content.Pack) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if len(p.Authors) > 0 {
		segs = append(segs, kit.Field("Authors", strings.Join(p.Authors, ", ")))
	}
	if p.Homepage != "" {
		if u, err := url.Parse(p.Homepage); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
			// The hyperlink is inline: an empty paragraph ends its line.
			segs = append(segs, kit.Strong("Homepage: "), &widget.HyperlinkSegment{Text: p.Homepage, URL: u}, kit.Para(""))
		} else {
			segs = append(segs, kit.Field("Homepage", p.Homepage))
		}
	}
	if len(p.Languages) > 0 {
		segs = append(segs, kit.Field("Languages", strings.Join(p.Languages, ", ")))
	}
	if p.MinAppVersion != "" && p.Origin != content.OriginBuiltin {
		segs = append(segs, kit.Field("Needs", "Osteon "+p.MinAppVersion+" or later"))
	}
	return segs
}

// structureSegments counts the pack's structures, per body system.
func structureSegments(p *content.Pack) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{kit.Subheading("Structures")}
	n := len(p.Structures)
	if n == 0 {
		return append(segs, kit.Para("No structures."))
	}
	var per []string
	for _, c := range p.SystemCounts() {
		per = append(per, fmt.Sprintf("%d %s", c.Count, strings.ToLower(kit.SystemName(c.System))))
	}
	segs = append(segs, kit.Para(kit.Plural(n, "structure", "structures")+": "+strings.Join(per, ", ")+"."))
	var extra []string
	if k := len(p.Procedures); k > 0 {
		extra = append(extra, kit.Plural(k, "procedures file", "procedures files"))
	}
	if k := len(p.Quiz); k > 0 {
		extra = append(extra, kit.Plural(k, "quiz file", "quiz files"))
	}
	if len(extra) > 0 {
		segs = append(segs, kit.Para("Also "+strings.Join(extra, " and ")+"."))
	}
	return segs
}

// diskSegments say how big the pack is, where it lives, and which copies it hides.
func diskSegments(p *content.Pack) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{kit.Subheading("On this computer"),
		kit.Field("Size", humanBytes(p.Size)+" in "+kit.Plural(len(p.Files), "file", "files"))}
	switch {
	case p.Dir != "":
		segs = append(segs, kit.Field("Folder", p.Dir))
	case p.Origin == content.OriginBuiltin:
		segs = append(segs, kit.Field("Folder", "none: it is inside the Osteon program"))
	default:
		segs = append(segs, kit.Field("Read from", p.Source))
	}
	if len(p.Shadows) == 0 {
		return segs
	}
	segs = append(segs, kit.Subheading("Other copies"),
		kit.Para("The same pack is also installed elsewhere. Osteon uses the highest version; "+
			"with equal versions your copy comes first, then system-wide, then built-in. Not used now:"))
	for _, c := range p.Shadows {
		where := kit.FirstNonEmpty(c.Dir, c.Source)
		if c.Origin == content.OriginBuiltin {
			where = "inside the Osteon program"
		}
		segs = append(segs, kit.Bullet(fmt.Sprintf("Version %s, %s, in %s", c.Version, kit.OriginName(c.Origin), where)))
	}
	return segs
}

// readProblemsSegments explain the installed packs that could not be read.
func readProblemsSegments(ps content.Problems, lib *content.Library) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{kit.Heading("Packs that could not be read"),
		kit.Para("Osteon left these out when it listed the packs; the other packs work as usual. " +
			"Each problem names the file, and the line and field where there is one.")}
	if lib != nil && lib.LearnerDir != "" {
		segs = append(segs, kit.Para("A pack in your own folder ("+lib.LearnerDir+") can be fixed there, or deleted. "+
			"A system-wide pack is for the computer's administrator to fix."))
	}
	return append(segs, problemSegments(ps)...)
}

// problemSegments list problems grouped by file, each with its line and field.
func problemSegments(ps content.Problems) []widget.RichTextSegment {
	ps = sortedProblems(ps)
	var segs []widget.RichTextSegment
	file := "\x00"
	for i, p := range ps {
		if i == maxProblemsShown {
			segs = append(segs, kit.Italic(fmt.Sprintf("… and %d more. `osteon pack validate` lists them all.", len(ps)-i)))
			break
		}
		if p.File != file {
			file = p.File
			segs = append(segs, kit.Subheading(kit.FirstNonEmpty(file, "Unnamed file")))
		}
		if loc := problemPlace(p); loc != "" {
			segs = append(segs, kit.Strong(loc+": "))
		}
		segs = append(segs, kit.Para(kit.Capitalise(p.Msg)))
	}
	return segs
}

// problemPlace is where in its file a problem is: "Line 8, field structures[1].color".
func problemPlace(p *content.Error) string {
	var parts []string
	if p.Line > 0 {
		parts = append(parts, fmt.Sprintf("Line %d", p.Line))
	}
	switch {
	case p.Field == "":
	case p.Line == 0 && strings.HasSuffix(strings.ToLower(p.File), ".zip"):
		parts = append(parts, "entry "+p.Field) // a zip's problems name the archive entry
	default:
		parts = append(parts, "field "+p.Field)
	}
	return kit.Capitalise(strings.Join(parts, ", "))
}

// problemsText is a report as plain text, for the clipboard.
func problemsText(title string, ps content.Problems) string {
	var b strings.Builder
	b.WriteString(title + "\n")
	for _, p := range sortedProblems(ps) {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}

func sortedProblems(ps content.Problems) content.Problems {
	out := append(content.Problems(nil), ps...)
	out.Sort()
	return out
}

// humanBytes writes a size the way file managers do: "812 bytes", "3.4 MB".
func humanBytes(n int64) string {
	if n < 1000 {
		return kit.Plural(int(n), "byte", "bytes")
	}
	units := []string{"kB", "MB", "GB", "TB"}
	v := float64(n) / 1000
	i := 0
	for v >= 999.95 && i < len(units)-1 {
		v /= 1000
		i++
	}
	if v < 10 {
		return fmt.Sprintf("%.1f %s", v, units[i])
	}
	return fmt.Sprintf("%.0f %s", v, units[i])
}
