// Package langid tells the language of a text: the clean text of a page,
// not what the page declares (<html lang> is often missing, wrong or a
// site-wide default).
//
// It scores whatlanggo's trigram profiles (github.com/RadhiFadlillah/whatlanggo,
// the detector go-trafilatura uses; the profiles are kept as data in
// profiles.txt and scored by an index, see trigrams.go), chosen by
// measurement over
// github.com/pemistahl/lingua-go on labelled real pages in 21 languages:
// the same accuracy on pages of 50 words or more, at a small fraction of
// the CPU and without lingua's 100 MB of models (see bench/cmd/meta and
// bench/README.md). What it adds: a sample of bounded size, Japanese told
// from Chinese by its kana, and no answer rather than a guess on short or
// mixed text.
package langid

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/text/language"
)

// sampleBytes is how much of a text is read: enough for a sure answer on
// any page, and a bounded cost on a long one.
const sampleBytes = 1200

// minConfidence is the least margin of the best language over the next
// for an answer. whatlanggo's own "reliable" mark (0.8) turns down a third
// of the pages it gets right; measured on the labelled pages of
// bench/cmd/meta, 0.2 answers them at the same error rate.
const minConfidence = 0.2

// minLetters is the fewest letters on which an answer is given.
const minLetters = 40

// candidates are the languages answered: those with an ISO 639-1 code.
// whatlanggo also knows languages without one (Ilocano, Akan...), whose
// profiles otherwise claim short English texts full of names.
var candidates = func() map[whatlanggo.Lang]bool {
	m := map[whatlanggo.Lang]bool{}
	for l := range whatlanggo.Langs {
		if l.Iso6391() != "" {
			m[l] = true
		}
	}
	return m
}()

// profileScripts are the scripts that profiles.txt has profiles for, Latin
// first.
var profileScripts = [...]struct {
	name  string
	table *unicode.RangeTable
}{
	{"latin", unicode.Latin}, {"cyrillic", unicode.Cyrillic}, {"arabic", unicode.Arabic},
	{"devanagari", unicode.Devanagari}, {"ethiopic", unicode.Ethiopic}, {"hebrew", unicode.Hebrew},
}

// Detect returns the ISO 639-1 code of the language of text, or "" when
// the text is too short or the detector is unsure.
func Detect(text string) string {
	text = sample(text)
	letters, han, kana, hangul := 0, 0, 0, 0
	var inScript [len(profileScripts)]int
	for _, r := range text {
		if r < 0x250 { // ASCII and Latin-1 to Latin Extended-B: the common case
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0xC0 && unicode.IsLetter(r) {
				letters++
				inScript[0]++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		default:
			for i, sc := range profileScripts {
				if unicode.Is(sc.table, r) {
					inScript[i]++
					break
				}
			}
		}
	}
	cjk := han + kana + hangul
	switch {
	case letters < minLetters && cjk < 20:
		return ""
	case cjk*2 > letters:
		// Chinese, Japanese and Korean are told by their scripts: kana are
		// Japanese only, and a Japanese text is never without them.
		switch {
		case hangul > han+kana:
			return "ko"
		case kana*10 >= han+kana:
			return "ja"
		default:
			return "zh"
		}
	}
	// The script of most letters, when it is one of the profiles'.
	best := 0
	for i, n := range inScript {
		if n > inScript[best] {
			best = i
		}
	}
	if inScript[best]*2 > letters {
		if !hasProse(text) {
			return ""
		}
		lang, conf := models()[profileScripts[best].name].score(text)
		if conf < minConfidence {
			return ""
		}
		return lang
	}
	// A script written in one language (Greek, Thai, Georgian...).
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: candidates})
	if info.Lang < 0 || info.Confidence < minConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// Prose thresholds: a prose sentence has at least proseWords words, at most
// half of them capitalised (names, menu labels and titles are capitalised
// in every cased script; caseless scripts always pass), and a text is prose
// when such sentences hold at least proseShare of its words. Lists of
// names, product options and menu labels otherwise get a confident wrong
// answer: their trigrams are those of names, not of a language.
const (
	proseWords = 6
	proseShare = 0.15
)

// hasProse reports whether text, written in a script whose words are
// separated by spaces, reads as sentences rather than as a list.
func hasProse(text string) bool {
	total, inProse := 0, 0
	sentence, capital := 0, 0
	end := func() {
		if sentence >= proseWords && capital*2 <= sentence {
			inProse += sentence
		}
		sentence, capital = 0, 0
	}
	for line := range strings.SplitSeq(text, "\n") {
		for f := range strings.FieldsSeq(line) {
			first := rune(0)
			for _, r := range f {
				if unicode.IsLetter(r) {
					first = r
					break
				}
			}
			if first != 0 {
				total++
				sentence++
				if unicode.IsUpper(first) {
					capital++
				}
			}
			if r, _ := utf8.DecodeLastRuneInString(f); strings.ContainsRune(".!?;…։।؟።", r) {
				end()
			}
		}
		end() // a line ends a sentence: lists put one item a line
	}
	return float64(inProse) >= proseShare*float64(total)
}

// sample is the first sampleBytes of text, cut at a rune boundary.
func sample(text string) string {
	if len(text) <= sampleBytes {
		return text
	}
	n := sampleBytes
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// Languages returns the ISO 639-1 codes Detect can answer, sorted: a new
// slice each call.
func Languages() []string {
	var out []string
	for l := range candidates {
		out = append(out, l.Iso6391())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ParseTargets reads a comma-separated list of ISO 639-1 codes ("en,de"),
// as --target-language and a crawl job's target_language give it.
func ParseTargets(s string) ([]string, error) {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if len(f) != 2 || f[0] < 'a' || f[0] > 'z' || f[1] < 'a' || f[1] > 'z' {
			return nil, fmt.Errorf("bad language code %q (want ISO 639-1, such as en or de)", f)
		}
		// A code the profiles know, or one DetectDeclared can answer from
		// the page's declaration (ms, sw): any ISO 639-1 code.
		if b, err := language.ParseBase(f); !slices.Contains(Languages(), f) && (err != nil || b.String() != f) {
			return nil, fmt.Errorf("unknown language code %q (not ISO 639-1; the text's profiles know %s)", f, strings.Join(Languages(), " "))
		}
		out = append(out, f)
	}
	return out, nil
}

// Wanted reports whether a page whose text is in language lang passes a
// filter on targets: always when targets is empty, and when the language
// could not be told (a short page is not dropped for being short).
func Wanted(lang string, targets []string) bool {
	return len(targets) == 0 || lang == "" || slices.Contains(targets, lang)
}

// DetectDeclared is Detect with the page's declaration (declared, a BCP 47
// tag such as <html lang> gives) heard for the languages Detect has no
// profile for. Text in one of those (Malay, Swahili...) can only be
// answered with a neighbour (Malay reads as Indonesian, Swahili as
// Hausa), so when the page declares such a language and Detect answers
// another, the declaration is believed; except when Detect answers
// English, the language most pages carrying a wrong site-wide declaration
// are written in. When Detect is unsure (""), so is DetectDeclared: the
// declaration alone is the page's declared_lang, not a detection.
func DetectDeclared(text, declared string) string {
	lang := Detect(text)
	if lang == "" || lang == "en" || declared == "" {
		return lang
	}
	tag, err := language.Parse(declared)
	if err != nil {
		return lang
	}
	base, conf := tag.Base()
	code := base.String()
	if conf == language.No || len(code) != 2 {
		return lang
	}
	if known(tag, code) {
		return lang
	}
	return code
}

// known reports whether Detect can answer the language of tag (base code
// code), perhaps by another code (Norwegian "no" is the profiles' "nb").
// The common case is a plain lookup; only a code the profiles lack is
// compared with each of theirs.
func known(tag language.Tag, code string) bool {
	if candidateCodes[code] {
		return true
	}
	for c := range candidateCodes {
		if language.Comprehends(tag, language.Make(c)) == language.Exact {
			return true
		}
	}
	return false
}

// candidateCodes are the ISO 639-1 codes of candidates, read once:
// whatlanggo's Iso6391 builds its table of codes anew on every call (known
// called it for every candidate of every page).
var candidateCodes = func() map[string]bool {
	m := map[string]bool{}
	for l := range candidates {
		m[l.Iso6391()] = true
	}
	return m
}()
