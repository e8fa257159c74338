package learning

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestOrderAlong(t *testing.T) {
	tests := []struct {
		name  string
		items []AxisItem
		want  [][]string
	}{
		{name: "empty"},
		{name: "clear order", items: []AxisItem{{"c", 3, 1}, {"a", 1, 1}, {"b", 2, 1}},
			want: [][]string{{"a"}, {"b"}, {"c"}}},
		// The right carpal bones of BodyParts3D, lateral (x = −0.273 m) to medial: the lunate
		// and hamate centres lie 0.5 mm apart, the triquetral and pisiform 1 mm apart (less
		// than a quarter of the smaller bone's width), so each pair shares a rank.
		{name: "carpal bones", items: []AxisItem{
			{"scaphoid", 0.261, 0.024}, {"lunate", 0.2445, 0.017}, {"triquetral", 0.237, 0.011},
			{"pisiform", 0.236, 0.008}, {"trapezium", 0.273, 0.017}, {"trapezoid", 0.268, 0.011},
			{"capitate", 0.256, 0.016}, {"hamate", 0.244, 0.015}},
			want: [][]string{{"pisiform", "triquetral"}, {"hamate", "lunate"}, {"capitate"}, {"scaphoid"},
				{"trapezoid"}, {"trapezium"}}},
		// Ties chain: a–b and b–c are level though a–c are not.
		{name: "chained ties", items: []AxisItem{{"a", 0, 4}, {"b", 0.9, 4}, {"c", 1.8, 4}, {"d", 5, 4}},
			want: [][]string{{"a", "b", "c"}, {"d"}}},
		{name: "same position keeps input order", items: []AxisItem{{"x", 1, 0}, {"y", 1, 0}},
			want: [][]string{{"x", "y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OrderAlong(tt.items, SequenceTie)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreSequence(t *testing.T) {
	abcd := [][]string{{"a"}, {"b"}, {"c"}, {"d"}}
	tied := [][]string{{"a"}, {"b", "c"}, {"d"}}
	tests := []struct {
		name string
		want [][]string
		got  []string
		took time.Duration
		out  SequenceScore
	}{
		{name: "exact and instant", want: abcd, got: []string{"a", "b", "c", "d"},
			out: SequenceScore{N: 4, Pairs: 6, Accuracy: 1, Tau: 1, Exact: true, Score: 100}},
		// τ = 4·3 s = 12 s; 12 s taken earns half.
		{name: "exact in tau", want: abcd, got: []string{"a", "b", "c", "d"}, took: 12 * time.Second,
			out: SequenceScore{N: 4, Pairs: 6, Accuracy: 1, Tau: 1, Exact: true, Time: 12 * time.Second, Score: 50}},
		// One adjacent swap: 2 items out of place, 1 of 6 pairs discordant; accuracy 5/6,
		// tau 1 − 2/6 = 2/3; 6 s against τ = 12 s: 100·2/3·12/18 = 44.444444.
		{name: "adjacent swap", want: abcd, got: []string{"a", "c", "b", "d"}, took: 6 * time.Second,
			out: SequenceScore{N: 4, PositionErrors: 2, Discordant: 1, Pairs: 6, Accuracy: 5.0 / 6, Tau: 2.0 / 3,
				Time: 6 * time.Second, Score: 44.444444}},
		// Fewer than half the pairs right is worse than chance (tau < 0): no score however fast.
		{name: "worse than chance", want: abcd, got: []string{"c", "d", "a", "b"},
			out: SequenceScore{N: 4, PositionErrors: 4, Discordant: 4, Pairs: 6, Accuracy: 1.0 / 3, Tau: -1.0 / 3}},
		{name: "reversed", want: abcd, got: []string{"d", "c", "b", "a"},
			out: SequenceScore{N: 4, PositionErrors: 4, Discordant: 6, Pairs: 6, Accuracy: 0, Tau: -1}},
		// b and c share a rank: either order is right, and their pair is not counted.
		{name: "tie either way", want: tied, got: []string{"a", "c", "b", "d"},
			out: SequenceScore{N: 4, Pairs: 5, Accuracy: 1, Tau: 1, Exact: true, Score: 100}},
		{name: "tie, first two swapped", want: tied, got: []string{"b", "a", "c", "d"},
			out: SequenceScore{N: 4, PositionErrors: 2, Discordant: 1, Pairs: 5, Accuracy: 0.8, Tau: 0.6, Score: 60}},
		{name: "all level", want: [][]string{{"a", "b"}}, got: []string{"b", "a"},
			out: SequenceScore{N: 2, Accuracy: 1, Tau: 1, Exact: true, Score: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ScoreSequence(tt.want, tt.got, tt.took)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.out, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreSequenceBadAnswers(t *testing.T) {
	want := [][]string{{"a"}, {"b"}, {"c"}}
	for _, tt := range []struct {
		name string
		want [][]string
		got  []string
	}{
		{"missing item", want, []string{"a", "b"}},
		{"unknown item", want, []string{"a", "b", "z"}},
		{"repeated item", want, []string{"a", "a", "b"}},
		{"item twice in the order", [][]string{{"a"}, {"a"}}, []string{"a", "a"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ScoreSequence(tt.want, tt.got, time.Second); err == nil {
				t.Errorf("ScoreSequence(%v, %v) gave no error", tt.want, tt.got)
			}
		})
	}
}
