package bench_test

import (
	"testing"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/half"
)

// spamGate is spamgate.json: the spam figures winnow must hold.
type spamGate struct {
	WCXBMaxMainTextPages float64 `json:"wcxb_max_main_text_pages"`
	WCXBMaxVerdictPages  float64 `json:"wcxb_max_verdict_pages"`
	ParasitePages        int     `json:"parasite_pages"`
	ParasiteSeed         uint64  `json:"parasite_seed"`
	ParasiteMinHeldOut   float64 `json:"parasite_min_held_out_verdict"`
}

func readSpamGate(t *testing.T) spamGate { return readPins[spamGate](t, "spamgate.json") }

// TestGateSpamParasites fails when fewer held-out parasite pages than
// pinned get the whole-page spam verdict.
func TestGateSpamParasites(t *testing.T) {
	g := readSpamGate(t)
	r, err := bench.MeasureParasites(t.Context(), half.HeldOut, g.ParasitePages, g.ParasiteSeed)
	if err != nil {
		t.Fatal(err)
	}
	share := float64(r.Spam) / float64(r.Pages)
	t.Logf("parasite pages, held-out half: %d of %d get the spam verdict (%.3f)", r.Spam, r.Pages, share)
	if share < g.ParasiteMinHeldOut {
		t.Errorf("held-out parasite verdict %.3f, below the pinned %.3f", share, g.ParasiteMinHeldOut)
	}
}

// TestGateSpamWCXB fails when the spam rules take labelled main text on,
// or give the page verdict to, more WCXB dev pages (no spam on any) than
// pinned. Skipped when the WCXB folder is absent.
func TestGateSpamWCXB(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: WCXB pass skipped")
	}
	g := readSpamGate(t)
	r, err := bench.MeasureSpamFP(t.Context(), bench.WCXBDir())
	needCorpus(t, err, bench.WCXBDir(), bench.WCXBDirEnv, "spam gate")
	main := float64(r.MainTextPages) / float64(r.Pages)
	verdict := float64(r.VerdictPages) / float64(r.Pages)
	t.Logf("WCXB dev, %d pages: spam rules take main text on %.4f, page verdict on %.4f", r.Pages, main, verdict)
	if main > g.WCXBMaxMainTextPages {
		t.Errorf("spam rules take main text on %.4f of WCXB pages, above the pinned %.4f:\n%v", main, g.WCXBMaxMainTextPages, r.Lines)
	}
	if verdict > g.WCXBMaxVerdictPages {
		t.Errorf("spam verdict on %.4f of WCXB pages, above the pinned %.4f:\n%v", verdict, g.WCXBMaxVerdictPages, r.Lines)
	}
}
