package lexicon

// Signal is one kind of evidence. Its weight comes from the lexicon.
type Signal int

// Signals. Strong signals open the gate for the weak ones: a weak signal
// (a brand-shaped token, another host, a hidden box, a glued anchor) counts
// only beside gambling vocabulary or a strong signal.
const (
	SigTerms          Signal = iota // gambling/adult vocabulary (weight: the terms' own)
	SigBrand                        // weak: a letters+digits token (tk88, hit69, echo360)
	SigBrandGambling                // strong: a brand token with a gambling stem (789bet, sv66win, "kv79 bet")
	SigBrandOnly                    // strong: the text is nothing but brand tokens and stems
	SigForeignHost                  // weak: the link leaves the page's site
	SigGamblingHost                 // strong: the link's host is named like a gambling site
	SigBrandHost                    // weak: the link's host is a letters+digits code (hit69.me)
	SigOddTLD                       // weak: a top-level domain spam favours
	SigGamblingPath                 // strong: gambling stems or sign-up words in the link's path or query
	SigBrandDomain                  // strong: the anchor is a code and the link's host is that code on an odd TLD (W332 -> w332.club)
	SigGlued                        // weak: the anchor is glued to the start or end of a real paragraph
	SigInline                       // negative: the link sits inside a sentence, as citations do
	SigHidden                       // weak: hidden by its own markup or an ancestor's
	SigHiddenGambling               // strong: a hidden box (not collapsed content) that holds gambling words or codes
	SigSpamLinks                    // strong: the block is made of spam links
	SigRepeated                     // weak: the same short text recurs on the page
	SigPageSpam                     // strong: a bare code on a page that carries other spam
	SigLegit                        // negative: responsible-gambling, regulation and results vocabulary
	SigTitle                        // page: the title, H1 or JSON-LD name is spam
	SigRegister                     // page: register/login buttons pointing to another host
	SigShare                        // page: share of the page's text scored as spam
	SigPageURL                      // page: the page's own URL carries gambling stems in its query
	SigPromo                        // weak, glued runs: a promotion figure (200%, 100k, $50, 500€)
	SigCodeNumber                   // weak, glued runs: a bare number of 3 to 6 digits, not a year, at the run's edge where a brand stands (… en 3388)
	SigCall                         // weak, glued runs: a call to action (sign up, daftar, regístrate, juega)
	SigTopicPage                    // negative: running prose on a page whose other prose is about gambling (its topic, not spam)
	SigTopicBreak                   // glued runs: the only gambling words of their paragraph, on a page whose prose is about something else
	SigLoneCode                     // weak, glued runs: the run's brand code occurs nowhere else on the page (a product's or a team's code recurs)
	SigScriptBreak                  // weak, glued runs: the run is written in another script than the paragraph around it (Greek, Khmer, Arabic glued to Latin prose)
	SigStranger                     // strong: a glued sentence, a line or a glued anchor in words or a script the rest of the page does not use, carrying a code, handle, phone number or domain (package stranger)
	SigGate                         // threshold of vocabulary that opens the gate (not a signal)
	SigVerdict                      // page verdict threshold (not a signal)
	NumSignals                      // the number of signals
)

var signalNames = [NumSignals]string{"terms", "brand", "brand-gambling", "brand-only", "foreign-host", "gambling-host",
	"brand-host", "odd-tld", "gambling-path", "brand-domain", "glued", "inline", "hidden", "hidden-gambling", "spam-links", "repeated", "page-spam", "legit",
	"title", "register", "share", "page-url", "promo", "code-number", "call", "topic-page", "topic-break", "lone-code", "script-break", "stranger", "gate", "verdict"}

func (s Signal) String() string {
	if s >= 0 && s < NumSignals {
		return signalNames[s]
	}
	return "unknown"
}

// SignalByName returns the signal named n in a lexicon's weights.
func SignalByName(n string) (Signal, bool) {
	for i, s := range signalNames {
		if s == n {
			return Signal(i), true
		}
	}
	return 0, false
}

// Strong reports signals that open the gate for weak ones.
func (s Signal) Strong() bool {
	switch s {
	case SigBrandGambling, SigBrandOnly, SigGamblingHost, SigGamblingPath, SigBrandDomain, SigSpamLinks, SigPageSpam, SigHiddenGambling, SigStranger:
		return true
	}
	return false
}

// Weak reports signals that count only once the gate is open.
func (s Signal) Weak() bool {
	switch s {
	case SigBrand, SigForeignHost, SigBrandHost, SigOddTLD, SigGlued, SigHidden, SigRepeated, SigRegister, SigPromo, SigCodeNumber, SigCall, SigLoneCode, SigScriptBreak:
		return true
	}
	return false
}
