package rules

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// blockMatch matches a block by its kind and its place in the page (stage
// text).
type blockMatch struct {
	kinds       []block.Kind
	position    blockPosition
	afterWords  int  // only blocks preceded by at least this many words
	repeats     int  // block text occurs at least this many times in the page
	sameAsTitle bool // the block repeats the page title
	ownHost     bool // the block names the page's own host (a leaked permalink)
}

// blockPosition restricts a text rule to the first or last block.
type blockPosition int

const (
	posAny blockPosition = iota
	posFirst
	posLast
)

func (bm *blockMatch) hasKind(k block.Kind) bool {
	if len(bm.kinds) == 0 {
		return true
	}
	for _, x := range bm.kinds {
		if x == k {
			return true
		}
	}
	return false
}

// candidate applies the matchers of r that depend on b alone and cost
// nothing: kind and word bounds.
func (run *textRun) candidate(r *Rule, b *tblock) bool {
	if !r.match.block.hasKind(b.Kind) {
		return false
	}
	return !r.match.text.bounded() || r.match.text.wordsWithin(b.wordCount())
}

// matches reports whether r matches the block at index i, preceded by
// wordsBefore words; counts holds the page's block keys counted for
// repeats (nil: not asked).
func (run *textRun) matches(r *Rule, i, wordsBefore int, counts map[string]int) bool {
	b := &run.blocks[i]
	if !run.candidate(r, b) || !run.placed(&r.match.block, i, wordsBefore, counts) {
		return false
	}
	if r.match.spamScore > 0 {
		if !b.spamOK {
			b.spam, b.spamOK = run.set.Spam().ScoreText(b.Text), true
		}
		if b.spam == nil || b.spam.Value < r.match.spamScore {
			return false
		}
	}
	if !run.textMatch(r, b) {
		return false
	}
	return !r.match.block.ownHost || run.namesHost(b.Text)
}

// placed applies the matchers of bm that read the block's place in the
// page: position, after-words, same-as-title and repeats.
func (run *textRun) placed(bm *blockMatch, i, wordsBefore int, counts map[string]int) bool {
	b := &run.blocks[i]
	switch bm.position {
	case posFirst:
		if i != 0 {
			return false
		}
	case posLast:
		if i != len(run.blocks)-1 {
			return false
		}
	}
	if wordsBefore < bm.afterWords {
		return false
	}
	if bm.sameAsTitle && (run.page.Title == "" || b.textKey() != run.titleKey()) {
		return false
	}
	return counts == nil || counts[b.textKey()] >= bm.repeats
}

// namesHost reports whether text contains the page's host, "www." aside.
func (run *textRun) namesHost(text string) bool {
	h := strings.TrimPrefix(run.page.Host, "www.")
	if h == "" {
		return false
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	return strings.Contains(strings.ToLower(text), h)
}

// blockFields are the match keys of a blockMatch.
func (p *parser) blockFields(bm *blockMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"kind": func(v *yaml.Node) {
			for _, it := range p.List(v, "kind") {
				switch s := p.String(it, "kind"); block.Kind(s) {
				case block.KindParagraph, block.KindHeading, block.KindListItem, block.KindQuote, block.KindCaption, block.KindPre, block.KindLine, block.KindRow:
					bm.kinds = append(bm.kinds, block.Kind(s))
				default:
					if it.Kind == yaml.ScalarNode {
						p.Errorf(it, "unknown block kind %q (want p, h, li, quote, caption, pre, line, row)", s)
					}
				}
			}
		},
		"after-words":   p.count(&bm.afterWords, "after-words"),
		"repeats":       p.count(&bm.repeats, "repeats"),
		"own-host":      p.flag(&bm.ownHost, "own-host"),
		"same-as-title": p.flag(&bm.sameAsTitle, "same-as-title"),
		"position": func(v *yaml.Node) {
			switch p.Enum(v, "position", "first", "last") {
			case 0:
				bm.position = posFirst
			case 1:
				bm.position = posLast
			}
		},
	}
}
