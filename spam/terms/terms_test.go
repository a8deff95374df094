package terms

import (
	"math"
	"testing"

	"github.com/winnowhq/winnow/spam/lexicon"
)

// TestVocabEveryTerm: every term of the built-in lexicon, whatever its
// script group's automaton, is found in a text that is the term itself,
// and in a text that mixes it with terms of every other script.
func TestVocabEveryTerm(t *testing.T) {
	lx, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m := New(lx.Terms)
	mixed := " | slot gacor, 百家乐, 토토사이트, คาสิโนออนไลน์, онлайн казино, nhà cái uy tín"
	for id, tm := range m.terms {
		if tm.weight == 0 {
			continue
		}
		for _, text := range []string{tm.text, tm.text + mixed} {
			found := false
			for _, h := range m.FindBytes([]byte(text)) {
				found = found || h.ID == id
			}
			if !found {
				t.Errorf("term %q not found in %q", tm.text, text)
			}
		}
	}
}

// TestFind: whole words where the script spaces them, anywhere where it
// does not; a later lexicon's weight overrides, 0 switches a term off;
// repeats add a third each; topic words are capped together.
func TestFind(t *testing.T) {
	m := New([]lexicon.Term{{Text: "slot gacor", Weight: 1}, {Text: "casino*", Weight: 0.3}, {Text: "poker", Weight: 0.3}, {Text: "百家乐", Weight: 1}, {Text: "judi", Weight: 1}},
		[]lexicon.Term{{Text: "judi", Weight: 0}})
	hits := m.Find("slot gacor, slot gacor! casinos and poker, poker, 玩百家乐 judi slotgacor")
	if got := m.Names(hits, 6); got != "slot gacor, casino, poker, 百家乐" {
		t.Errorf("Names = %q", got)
	}
	if got, want := m.Sum(hits), 1+1.0/3+1+0.7; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("Sum = %v, want %v (topic words capped at 0.7)", got, want)
	}
	r := NewRegister([]string{"daftar", "登录"})
	if !r.In("daftar sekarang") || !r.In("立即登录") || r.In("pendaftaran") {
		t.Error("Register.In: want daftar and 登录, not pendaftaran")
	}
}

// TestTopicMass: a topic word counts at its weight, a name of the
// activity at the topic weight its lexicon gives it (its spam weight
// unchanged), a spam word without one not at all, a legitimate word
// only in LegitMass; a later lexicon's entry replaces the topic weight
// with the weight.
func TestTopicMass(t *testing.T) {
	m := New([]lexicon.Term{
		{Text: "casino", Weight: 0.3},
		{Text: "judi online", Weight: 1.1, Topic: 0.45},
		{Text: "slot gacor", Weight: 1.5},
		{Text: "problem gambling", Weight: -0.6},
		{Text: "togel", Weight: 0.9, Topic: 0.4},
	}, []lexicon.Term{{Text: "togel", Weight: 0.9}})
	for _, c := range []struct {
		text               string
		topic, mass, legit float64
	}{
		{"casino casino", 0.6, 0.6, 0},
		{"judi online", 0.45, 1.1, 0},
		{"slot gacor", 0, 1.5, 0},
		{"judi online and slot gacor and casino", 0.75, 2.9, 0},
		{"problem gambling", 0, 0, 0.6},
		{"togel", 0, 0.9, 0},
	} {
		hits := m.Find(c.text)
		if got := m.TopicMass(hits); math.Abs(got-c.topic) > 1e-9 {
			t.Errorf("TopicMass(%q) = %v, want %v", c.text, got, c.topic)
		}
		if got := m.Mass(hits); math.Abs(got-c.mass) > 1e-9 {
			t.Errorf("Mass(%q) = %v, want %v", c.text, got, c.mass)
		}
		if got := m.LegitMass(hits); math.Abs(got-c.legit) > 1e-9 {
			t.Errorf("LegitMass(%q) = %v, want %v", c.text, got, c.legit)
		}
	}
	if got := m.Sum(m.Find("judi online")); math.Abs(got-1.1) > 1e-9 {
		t.Errorf("Sum(judi online) = %v, want its spam weight 1.1", got)
	}
}

// TestShare: two texts share a term found in either within the other,
// also where the matcher read the other's words as a longer term.
func TestShare(t *testing.T) {
	m := New([]lexicon.Term{
		{Text: "judi online", Weight: 1.1},
		{Text: "kecanduan judi", Weight: -0.5},
		{Text: "situs judi online", Weight: 1.3},
		{Text: "casino", Weight: 0.3},
	})
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"bantuan korban judi online", "kecanduan judi online merugikan keluarga", true},
		{"kecanduan judi online merugikan keluarga", "bantuan korban judi online", true},
		{"blokir situs judi online", "pemain judi online ditangkap", true},
		{"bantuan korban judi online", "casino resort opens", false},
		{"the city council met", "casino resort opens", false},
	} {
		if got := m.Share(c.a, c.b); got != c.want {
			t.Errorf("Share(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
