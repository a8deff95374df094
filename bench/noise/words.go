package noise

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The word lists (package vocab) are invented for the generator. Spam brands
// follow the shapes seen in the wild (letters, digits, a bet/win/club
// ending) but are assembled at random, so that a rule that names one brand
// cannot pass.

// brand returns a new spam brand such as "tk88 bet", "Ku789Club",
// "sv66win.com" or "789BET", from the injector's half of the pools.
func (in *injector) brand() string {
	r, p := in.r, in.p
	stem := pick(r, p.words.Spam.BrandStems)
	digits := pick(r, p.words.Spam.BrandDigits)
	if r.IntN(3) == 0 {
		digits = fmt.Sprint(p.words.Spam.RandomDigits[0] + r.IntN(p.words.Spam.RandomDigits[1]-p.words.Spam.RandomDigits[0]))
	}
	end := pick(r, p.words.Spam.BrandEnds)
	if len(p.brandShapes) > 0 && r.IntN(4) == 0 {
		return strings.TrimSpace(pick(r, p.brandShapes)(r, stem, digits, end))
	}
	var b string
	switch r.IntN(6) {
	case 0:
		b = stem + digits + " " + end
	case 1:
		b = strings.ToUpper(stem + digits + end)
	case 2:
		b = title(stem) + digits + title(end)
	case 3:
		b = stem + digits + end + pick(r, p.words.Spam.TLDs)
	case 4: // digits first: "789bet", "365WIN"
		if end == "" {
			end = p.words.Spam.BrandEnds[0]
		}
		b = digits + end
		if r.IntN(2) == 0 {
			b = strings.ToUpper(b)
		}
	default:
		b = stem + digits + end
	}
	return strings.TrimSpace(b)
}

// hostURL turns a brand into a link URL, in one of the half's host shapes.
func (in *injector) hostURL(brand string) string {
	label := strings.ToLower(strings.NewReplacer(" ", "", ".", "", "@", "", "$", "", "+", "").Replace(brand))
	return pick(in.r, in.p.hostShapes)(label, pick(in.r, in.p.words.Spam.TLDs), in.r.IntN(10000))
}

// spamPhrase returns a gambling sentence around brand b, in a random
// language of the half.
func (in *injector) spamPhrase(b string) string {
	langs := make([]string, 0, len(in.p.words.Spam.Phrases))
	for l := range in.p.words.Spam.Phrases {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	return fmt.Sprintf(pick(in.r, in.p.words.Spam.Phrases[pick(in.r, langs)]), b)
}

// headline returns an invented news headline. Numbers make it unique enough
// not to occur in any real page.
func (in *injector) headline() string {
	r, hp := in.r, in.p.words.Sidebar.Headlines
	l := pick(r, hp.Langs)
	var h string
	if whole, ok := hp.Whole[l]; ok {
		h = pick(r, whole)
	} else {
		h = fmt.Sprintf("%s %s %s %s", pick(r, hp.Subjects[l]), pick(r, hp.Verbs[l]), pick(r, hp.Objects[l]), pick(r, hp.Places[l]))
	}
	if r.IntN(2) == 0 {
		return fmt.Sprintf("%s (%d)", h, 2+r.IntN(97))
	}
	return fmt.Sprintf("%d %s", 2+r.IntN(97), h)
}

// teaser returns an invented one-sentence teaser.
func (in *injector) teaser() string {
	t := pick(in.r, in.p.words.Sidebar.Teasers)
	if strings.Index(t, "%d") < strings.Index(t, "%s") {
		return fmt.Sprintf(t, 10+in.r.IntN(9000), pick(in.r, in.p.words.Sidebar.Days))
	}
	return fmt.Sprintf(t, pick(in.r, in.p.words.Sidebar.Days), 10+in.r.IntN(9000))
}

// date returns a teaser date or age ("2 hours ago", "3 天前").
func (in *injector) date() string { return pick(in.r, in.p.words.Sidebar.Dates) }

// caption returns an invented photo caption.
func (in *injector) caption() string {
	p := in.p
	return fmt.Sprintf("%s %s in %s %d. %s", pick(in.r, p.words.Article.CaptionWho), pick(in.r, p.words.Article.CaptionWhat), pick(in.r, p.words.Article.CaptionPlaces), 1990+in.r.IntN(35), pick(in.r, p.words.Article.CaptionCredits))
}

// fileName returns a leaked image file name such as "DSC_0042.JPG".
func (in *injector) fileName() string {
	r := in.r
	stem := pick(r, in.p.words.Article.FileStems)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s%04d%s", stem, r.IntN(10000), pick(r, in.p.words.Article.FileExts))
	case 1:
		return fmt.Sprintf("%s%d_%x%s", stem, 20200000+r.IntN(60000), r.Uint32()&0xffff, pick(r, in.p.words.Article.FileExts))
	}
	return fmt.Sprintf("%s%d%s", stem, 1+r.IntN(30), pick(r, in.p.words.Article.FileExts))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
