package rules

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"golang.org/x/net/html"
)

// TestActions runs one small rule per action and matcher combination.
func TestActions(t *testing.T) {
	tests := []struct {
		name, rule, in, want string
	}{
		{"remove", "scope: {stage: dom}\n    match: {selector: 'div.ad'}\n    action: remove",
			`<p>Keep.</p><div class="ad">Buy now</div><p>Also keep.</p>`, "Keep.\nAlso keep."},
		{"remove hidden", "scope: {stage: dom}\n    match: {hidden: true}\n    action: remove",
			`<p>Shown.</p><p style="font-size:0px">spam</p><p style="visibility: hidden !important">spam</p><span hidden>x</span>`, "Shown."},
		{"dom cut-after", "scope: {stage: dom}\n    match: {selector: h3, text: '^Related$'}\n    action: cut-after",
			`<div><p>Body.</p><h3>Related</h3><p>Teaser one.</p><p>Teaser two.</p></div><p>Outside stays.</p>`, "Body.\nOutside stays."},
		{"dom cut-after spare-prose, teasers", "scope: {stage: dom}\n    match: {selector: h3, text: '^Related$', spare-prose: 8}\n    action: cut-after",
			`<div><p>Body.</p><h3>Related</h3><ul><li><a href="/a">Port reopens after the storm, officials say</a> in a day</li></ul></div>`, "Body."},
		{"dom cut-after spare-prose, article", "scope: {stage: dom}\n    match: {selector: h3, text: '^Related$', spare-prose: 8}\n    action: cut-after",
			`<div><p>Body.</p><h3>Related</h3><p><a href="/a">Port reopens</a></p><div><p>The council met again on Tuesday and <a href="/p">approved</a> the plan.</p></div></div>`,
			"Body.\nThe council met again on Tuesday and approved the plan."},
		{"class names a box", "scope: {stage: dom}\n    match: {selector: h2, class: [related]}\n    action: cut-after",
			`<div><p>Body.</p><h2 class="related-title">Read next</h2><p>Teaser.</p></div>`, "Body."},
		{"class: an id that names a box", "scope: {stage: dom}\n    match: {selector: h2, class: [related]}\n    action: cut-after",
			`<div><p>Body.</p><h2 id="related-posts">Read next</h2><p>Teaser.</p></div>`, "Body."},
		{"class: an id that spells the heading is its anchor", "scope: {stage: dom}\n    match: {selector: h2, class: [recommend, related]}\n    action: cut-after",
			`<div><p>Body.</p><h2 id="recommended-providers">Recommended Providers</h2><p>Proton VPN.</p><h2 id="related-work_1">Related work</h2><p>Earlier studies.</p></div>`,
			"Body.\nRecommended Providers\nProton VPN.\nRelated work\nEarlier studies."},
		{"dom keep", "scope: {stage: dom}\n    match: {selector: 'div.ad'}\n    action: keep",
			`<div class="ad">Kept, nothing removes it here.</div>`, "Kept, nothing removes it here."},
		{"text cut-after", "scope: {stage: text}\n    match: {text: '^See more$'}\n    action: cut-after",
			"Body one.\nSee more\nTeaser.\nTeaser two.", "Body one."},
		{"drop", "scope: {stage: text}\n    match: {text: 'bet$', max-words: 3}\n    action: drop",
			"tk88 bet\nA sentence about a bet\nBody.", "A sentence about a bet\nBody."},
		{"strip pattern", "scope: {stage: text}\n    match: {pattern: '^date \\d{4}-\\d{2}-\\d{2} '}\n    action: strip",
			"date 2024-11-22 Talks began.\ndate 2024-11-22 ", "Talks began.\ndate 2024-11-22"},
		{"strip glyphs", "scope: {stage: text}\n    match: {glyphs: both}\n    action: strip",
			"🉐 Headline ⛄\n💮💮 Body text here.\nPlain.", "Headline\nBody text here.\nPlain."},
		{"dedupe exact", "scope: {stage: text}\n    match: {min-chars: 6}\n    action: dedupe",
			"Same line here.\nOther.\nSame   line here!\nshort\nshort", "Same line here.\nOther.\nshort\nshort"},
		{"dedupe near", "scope: {stage: text}\n    match: {similarity: 0.8, min-chars: 10}\n    action: dedupe",
			"the quick brown fox jumps over the lazy dog today\nHanoi (VNA) – the quick brown fox jumps over the lazy dog today",
			"the quick brown fox jumps over the lazy dog today"},
		{"position last", "scope: {stage: text}\n    match: {position: last, text: '^[A-Z]{2,5}$'}\n    action: drop",
			"VNA\nBody.\nVNA", "VNA\nBody."},
		{"repeats", "scope: {stage: text}\n    match: {repeats: 2, max-words: 2}\n    action: drop",
			"Label\nOne body sentence.\nLabel", "One body sentence."},
		{"repeated-cut, once", "scope: {stage: text}\n    match: {text: '(?i)^\\d* ?comments?$', max-cut: 0.5, repeated-cut: 0.5}\n    action: cut-after",
			"Body one two three.\nComments\nGreat post.", "Body one two three."},
		{"repeated-cut, under every item", "scope: {stage: text}\n    match: {text: '(?i)^\\d* ?comments?$', max-cut: 0.5, repeated-cut: 0.5}\n    action: cut-after",
			"Item one.\n0 comments\nItem two.\n2 comments\nItem three.\n1 comment", "Item one.\n0 comments\nItem two.\n2 comments\nItem three.\n1 comment"},
		{"repeated-cut, a tail of items", "scope: {stage: text}\n    match: {text: '(?i)^read more$', max-cut: 0.1, repeated-cut: 0.5}\n    action: cut-after",
			"The story starts here and it goes on for a while.\nIt ends with this line of text.\nTeaser one.\nRead more\nTeaser two.\nRead more\nTeaser three.\nRead more",
			"The story starts here and it goes on for a while.\nIt ends with this line of text.\nTeaser one."},
		{"host scope miss", "scope: {stage: text, hosts: ['*.example.com']}\n    match: {text: 'x'}\n    action: drop",
			"url: https://news.example.org/a\nx marks", "url: https://news.example.org/a\nx marks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "rules:\n  - id: test.rule\n    " + tt.rule + "\n"
			rs, err := Parse("test.yaml", []byte(src))
			if err != nil {
				t.Fatalf("Parse:\n%s\n%v", src, err)
			}
			if got := rs[0].RunExample(Example{In: tt.in}); got != tt.want {
				t.Errorf("%s on %q = %q, want %q", tt.name, tt.in, got, tt.want)
			}
		})
	}
}

// TestKeepProtects checks that a keep rule shields a block from later rules,
// whatever the file order.
func TestKeepProtects(t *testing.T) {
	src := `rules:
  - id: test.drop-short
    scope: {stage: text}
    match: {max-words: 3}
    action: drop
  - id: test.keep-byline
    scope: {stage: text}
    match: {text: '^By '}
    action: keep
`
	set := parseSet(t, "keep.yaml", src)
	tr := &Trace{Detailed: true}
	got := set.ApplyText(block.FromText("By Jane Doe\nToo short\nA longer sentence stays here."), Page{}, tr)
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	if strings.Join(texts, "|") != "By Jane Doe|A longer sentence stays here." {
		t.Errorf("got %q", texts)
	}
	if tr.Counts["test.drop-short"] != 1 || len(tr.Hits) != 1 || tr.Hits[0].Excerpt != "Too short" {
		t.Errorf("trace = %+v", tr)
	}
}

// TestPageTypeScope checks that a rule scoped by page type runs on pages of
// those types and on pages of unknown type, and on no other, in both stages.
func TestPageTypeScope(t *testing.T) {
	src := `rules:
  - id: test.typed-text
    scope: {stage: text, page_types: [article, forum]}
    match: {text: '^Label$'}
    action: drop
  - id: test.typed-dom
    scope: {stage: dom, page_types: [article]}
    match: {selector: 'div.cards'}
    action: remove
`
	set := parseSet(t, "typed.yaml", src)
	tests := []struct {
		typ         string
		text, cards bool // whether each rule fires
	}{
		{"article", true, true},
		{"forum", true, false},
		{"listing", false, false},
		{"", true, true},
	}
	for _, tt := range tests {
		page := Page{Type: tt.typ}
		tr := &Trace{}
		set.ApplyText(block.FromText("Label\nBody."), page, tr)
		doc, err := html.Parse(strings.NewReader(`<p>Body.</p><div class="cards"><a href="/1">One</a></div>`))
		if err != nil {
			t.Fatal(err)
		}
		set.ApplyDOM(doc, StageDOM, page, tr)
		if got := tr.Counts["test.typed-text"] > 0; got != tt.text {
			t.Errorf("page type %q: text rule fired %v, want %v", tt.typ, got, tt.text)
		}
		if got := tr.Counts["test.typed-dom"] > 0; got != tt.cards {
			t.Errorf("page type %q: dom rule fired %v, want %v", tt.typ, got, tt.cards)
		}
	}
}

// parseSet parses the rule file src and builds its set; an error fails t.
func parseSet(t *testing.T, name, src string) *Set {
	t.Helper()
	rs, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	set, err := NewSet(rs...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
