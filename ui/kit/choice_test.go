package kit

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestChoiceListKeys(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme())
	l := NewChoiceList()
	var chosen []int
	l.OnChoose = func(i int) { chosen = append(chosen, i) }
	l.Set([]string{"Apply the tourniquet", "Clean the skin", "Insert the needle"})
	marks := func() []ChoiceMark {
		var out []ChoiceMark
		for _, r := range l.rows {
			out = append(out, r.Mark())
		}
		return out
	}
	if got := marks(); !slices.Equal(got, []ChoiceMark{ChoiceSelected, ChoicePlain, ChoicePlain}) {
		t.Fatalf("at first %v", got)
	}
	l.Key(fyne.KeyUp) // wraps to the last
	l.Key(fyne.KeyReturn)
	l.Key(fyne.KeyDown)
	l.Key(fyne.KeySpace)
	if !l.Rune('2') || l.Rune('x') || l.Key(fyne.KeyLeft) {
		t.Error("the list took the wrong keys")
	}
	l.Rune('9') // no ninth choice: nothing
	test.Tap(l.rows[1])
	if want := []int{2, 0, 1, 1}; !slices.Equal(chosen, want) {
		t.Errorf("chosen %v, want %v", chosen, want)
	}
	if l.Selected() != 0 || marks()[0] != ChoiceSelected {
		t.Errorf("selected %d, marks %v", l.Selected(), marks())
	}
}

func TestChoiceDisabledIgnoresTaps(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme())
	taps := 0
	c := NewChoice("1", "Radius", func() { taps++ })
	test.Tap(c)
	c.SetDisabled(true)
	c.SetMark(ChoiceRight)
	test.Tap(c)
	if taps != 1 || c.Mark() != ChoiceRight {
		t.Errorf("taps %d, mark %v", taps, c.Mark())
	}
}
