// Package textspam reads the spam score of a page's text blocks as the
// rules' spam-score match does in the text stage: a block's text scored on
// its own (spam.Model.ScoreText), read again on the page's topic (its
// running prose and its headline), and not counted for a row of a data
// table that scores by the names it holds alone, as one of the table's
// entries.
package textspam

import (
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam"
)

// Blocks are a page's blocks as they stand now in the text stage (earlier
// rules may have removed or changed some).
type Blocks interface {
	Len() int
	At(i int) *block.Block
}

// Page reads the spam scores of one page's blocks. What it works out about
// the page (its topic, its tables' entries) is worked out once, when first
// asked for; the zero Page holds nothing of a page.
type Page struct {
	m     *spam.Model
	title string        // the page's title, "" when it has none
	src   []block.Block // the blocks as the text stage got them, not modified
	now   Blocks

	titleKey  string // the key of title (textnorm.Key)
	titleOK   bool
	topic     float64 // the topic's vocabulary in the page's running prose (spam.Model.ProseTopic)
	topicOK   bool
	entries   map[string]bool // the texts of the table rows that are their table's entries
	entriesOK bool
}

// NewPage returns the Page of a page titled title whose blocks the text
// stage got as src and holds now as now, read with m.
func NewPage(m *spam.Model, title string, src []block.Block, now Blocks) Page {
	return Page{m: m, title: title, src: src, now: now}
}

// Score is the spam score of the page's block i (as it stands now) for
// the rules: its text's score, read on the page's topic
// (spam.Model.OnTopic) and, for a heading, with the block that opens its
// section (spam.Model.OnSection), nil for a row that is one of its table's entries
// (spam.Model.TableEntries, spam.Model.TableRegister) or for a quotation
// the story reports (spam.Model.Quoted: the block before it may
// introduce it).
func (p *Page) Score(i int) *spam.Score {
	b := p.now.At(i)
	s := p.sectionScore(i, b)
	if s != nil && s.Value >= spam.Unit && cells(*b) > 1 && p.tableEntry(b.Text) {
		s = nil
	}
	if s != nil && s.Value >= spam.Unit {
		intro := ""
		if i > 0 {
			intro = p.now.At(i - 1).Text
		}
		s = p.m.Quoted(b.Text, intro, b.Kind == block.KindQuote, s, p.topic)
	}
	return s
}

// cells returns the number of cells of a table row: a block of a data
// table's row, or a line of plain text written as one (cells joined by
// " | ", as rows are rendered); 0 for any other block.
func cells(b block.Block) int {
	switch b.Kind {
	case block.KindRow, block.KindLine:
		if k := strings.Count(b.Text, " | "); k > 0 || b.Kind == block.KindRow {
			return k + 1
		}
	}
	return 0
}

// texts yields the texts of the page's blocks as they stand now.
func (p *Page) texts(yield func(string) bool) {
	for i := range p.now.Len() {
		if !yield(p.now.At(i).Text) {
			return
		}
	}
}

// textScore is the spam score of text, read on the page's topic
// (spam.Model.OnTopic) and headline (spam.Model.OnHeadline).
func (p *Page) textScore(text string) *spam.Score {
	s := p.m.ScoreText(text)
	if s != nil && s.Value >= spam.Unit {
		if !p.topicOK {
			p.topic, p.topicOK = p.m.ProseTopic(p.storyHeadline(), p.texts), true
		}
		s = p.m.OnTopic(text, s, p.topic)
		if s != nil && s.Value >= spam.Unit {
			// The page's title, or in plain text its first line: what
			// the page says it is about (headline).
			s = p.m.OnHeadline(text, p.headline(), s, p.texts, p.topic)
		}
		if s != nil && s.Value >= spam.Unit {
			// Its terms may be the page's subject all the same, which its
			// headline and sentences write (spam.Model.OnSubject).
			s = p.m.OnSubject(text, s, p.headline(), p.texts)
		}
		if s != nil && s.Value >= spam.Unit {
			s = p.m.OnHeadlineShares(text, p.headline(), s, func(ft string) bool { return p.m.NamesSubject(ft, p.texts) })
		}
	}
	return s
}

// sectionScore is textScore of block i read, when it is a heading (or in
// plain text a line that reads as one) that scores as spam, with the
// block that opens its section (spam.Model.OnSection).
func (p *Page) sectionScore(i int, b *block.Block) *spam.Score {
	s := p.textScore(b.Text)
	heading := b.Kind == block.KindHeading || b.Kind == block.KindLine && headingLike(b.Text)
	if s != nil && s.Value >= spam.Unit && heading && i+1 < p.now.Len() {
		if next := p.now.At(i + 1); next.Kind != block.KindHeading {
			s = p.m.OnSection(b.Text, next.Text, s, p.topic)
		}
	}
	return s
}

// tableEntry reports a row of a data table (its text) that scores as spam
// by the names it holds alone and is one of the table's entries: a
// register of licensed operators names some by a code with a gambling
// stem (see spam.Model.TableEntries), or a register of blocked sites names
// each by its domain (spam.Model.TableRegister). The tables are the runs of rows of
// as many cells of the page's blocks as the text stage got them.
func (p *Page) tableEntry(text string) bool {
	if !p.entriesOK {
		p.entriesOK = true
		src := p.src
		for i := 0; i < len(src); {
			n, j := cells(src[i]), i+1
			for n > 1 && j < len(src) && cells(src[j]) == n {
				j++
			}
			if n <= 1 {
				i++
				continue
			}
			scores := make([]*spam.Score, j-i)
			texts := make([]string, j-i)
			for k := range scores {
				texts[k] = src[i+k].Text
				scores[k] = p.textScore(texts[k])
			}
			register := p.m.TableRegister(texts, scores, p.topic)
			for k, ok := range p.m.TableEntries(scores) {
				if ok || register && scores[k] != nil && scores[k].Value >= spam.Unit {
					if p.entries == nil {
						p.entries = map[string]bool{}
					}
					p.entries[src[i+k].Text] = true
				}
			}
			i = j
		}
	}
	return p.entries[text]
}

// headline is what names the page's topic first: its title, or for a
// page of plain text without one its first block (the headline line, or
// the lead of a text already cleaned).
func (p *Page) headline() string {
	if p.title != "" || p.now.Len() == 0 {
		return p.title
	}
	return p.now.At(0).Text
}

// storyHeadline is the headline the page's prose stands under, for its
// topic: the page's title (headline) and the story's own headline when it
// differs (a <title> may name the site or a section): the first heading
// among the content's leading blocks, or in plain text a short line after
// the title line with no sentence's end.
func (p *Page) storyHeadline() string {
	h := p.headline()
	for i := range min(p.now.Len(), 3) {
		b := p.now.At(i)
		if b.Kind != block.KindHeading && (b.Kind != block.KindLine || i == 0 || !headingLike(b.Text)) {
			continue
		}
		if !p.titleOK {
			p.titleKey, p.titleOK = textnorm.Key(p.title), true
		}
		if textnorm.Key(b.Text) == p.titleKey {
			return h
		}
		return h + "\n" + b.Text
	}
	return h
}

// headingLike reports a line of plain text that reads as a heading: short
// (maxHeadingRunes), not ending as a sentence does.
func headingLike(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > maxHeadingRunes {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?;:…。！？；：", r)
}

// maxHeadingRunes is the longest line headingLike takes for a heading.
const maxHeadingRunes = 120
