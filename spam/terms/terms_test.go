package terms

import (
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
