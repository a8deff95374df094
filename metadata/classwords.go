package metadata

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// classWords is classSays for a fixed list of words, asked of every element:
// an ASCII class or id is scanned once for all the words (upper case
// matching as lower case), instead of lower-cased and searched once per
// word. Other values go through classSays.
type classWords struct {
	words []string
	m     *litscan.Matcher
	all   litscan.Hits
}

func newClassWords(words []string) classWords {
	ids := make([]int, len(words))
	for i := range ids {
		ids[i] = i
	}
	return classWords{words: words, m: litscan.New(words), all: litscan.NewHits(len(words), ids)}
}

// outside finds outsideClasses; bylineClasses and dateClasses the names of
// the elements whose text is read as a byline or a date line.
var (
	outside       = newClassWords(outsideClasses)
	bylineClasses = newClassWords([]string{"byline", "author"})
	dateClasses   = newClassWords([]string{"date", "publish", "posted", "byline", "time"})
)

// says reports classSays(n, cw.words...).
func (cw *classWords) says(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" || a.Val == "" {
			continue
		}
		if textnorm.IsASCII(a.Val) {
			if cw.m.ScanAny(a.Val, cw.all) {
				return true
			}
			continue
		}
		v := strings.ToLower(a.Val)
		for _, w := range cw.words {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}
