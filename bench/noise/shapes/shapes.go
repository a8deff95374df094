// Package shapes spells brand codes and hosts for the noise generator's
// tuning half in shapes the spam lexicon's brand reading does not name
// (spam14): what pharmacy, loan, crypto and dating spam links as, beside
// gambling's letters-and-digits codes. They measure the signals any page
// shows (a payload glued to prose, a link to an address nothing else on
// the page names), not a list of names.
package shapes

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Handle is a messenger handle: "@tk88_official".
func Handle(r *rand.Rand, stem, digits, _ string) string {
	return "@" + stem + digits + pick(r, []string{"_official", "_admin", "support", "_cs"})
}

// Dose is a drug's invented name and a dose: "Sunzepam 20mg".
func Dose(r *rand.Rand, stem, digits, _ string) string {
	return strings.ToUpper(stem[:1]) + stem[1:] + pick(r, []string{"zepam", "tadil", "fenix", "loran"}) + " " + digits + pick(r, []string{"mg", " mg", "mcg"})
}

// Ticker is a token's ticker: "$SUNCOIN", "$KIMX".
func Ticker(r *rand.Rand, stem, _, _ string) string {
	return "$" + strings.ToUpper(stem+pick(r, []string{"coin", "x", "inu", "fi"}))
}

// Phone is a number to call or message: "WA +84 912 345 678".
func Phone(r *rand.Rand, _, _, _ string) string {
	return fmt.Sprintf("%s +%d %03d %03d %03d", pick(r, []string{"WA", "Zalo", "Tel", "Line"}), 20+r.IntN(70), r.IntN(1000), r.IntN(1000), r.IntN(1000))
}

// Invite is a sub-domain with a referral code: "https://m.tk88.vip/invite?code=42".
func Invite(l, t string, n int) string {
	return fmt.Sprintf("https://m.%s%s/invite?code=%d", l, t, n)
}

// BareIP is a documentation-range address with the brand as its path.
func BareIP(l, _ string, n int) string {
	return fmt.Sprintf("http://198.51.100.%d/%s/", 1+n%250, l)
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }
