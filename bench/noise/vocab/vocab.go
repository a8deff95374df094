// Package vocab reads the noise generator's word lists (package noise):
// one file per half of the corpus, tuning.yaml and held-out.yaml,
// embedded, into plain types. Every list of one half is disjoint from its
// counterpart in the other (noise's TestPoolsDisjoint), and the held-out
// half adds languages. The markup the generator draws from (how spam is
// shown, glued, hidden, farmed; sidebar shapes) is code, in package noise.
package vocab

import (
	"embed"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v4"
)

//go:embed tuning.yaml held-out.yaml
var files embed.FS

// Words are the word lists of one half.
type Words struct {
	Spam    Spam
	Sidebar Sidebar
	Widgets Widgets
	Article Article
	Glyphs  Glyphs
}

// Spam is what gambling spam is made of.
type Spam struct {
	// Brands are stem + digits + ending, in random shapes; RandomDigits is
	// the range [lo, hi) of a random digit part.
	BrandStems, BrandDigits, BrandEnds []string
	RandomDigits                       [2]int
	TLDs                               []string
	Phrases                            map[string][]string // gambling sentences per language; %s is the brand
	Classes                            []string            // of the boxes spam lines sit in ("" for none)
	FarmSeparators                     []string            // between the links of a link farm
}

// Sidebar is what related-headline boxes, inline related links and
// section labels are made of.
type Sidebar struct {
	Headings, Classes, MisleadingClasses, SectionLabels []string
	Headlines                                           Headlines
	Teasers                                             []string // Go format strings: a day (%s) and a number (%d)
	Days, Dates                                         []string
}

// Headlines make invented headlines: composed from word lists in some
// languages, whole in others.
type Headlines struct {
	Langs                                   []string
	Subjects, Verbs, Objects, Places, Whole map[string][]string
}

// Widgets are the boilerplate boxes (newsletter, cookie notice, share bar,
// author bio, comment widget) per language.
type Widgets struct {
	Langs  []string
	ByLang map[string][]Widget
}

// Widget is one boilerplate box: its texts, in the markup named Markup,
// with one of Classes.
type Widget struct {
	Name, Markup   string
	Classes, Texts []string
}

// Article is what is injected inside the article's own text: photo
// captions, leaked file names and the classes of a repeated lead.
type Article struct {
	CaptionWho, CaptionWhat, CaptionCredits, CaptionPlaces []string
	FileStems, FileExts, LeadClasses                       []string
}

// Glyphs are the ranges decorative glyphs are drawn from; with Trailing,
// glyphs are also glued to the end of paragraphs.
type Glyphs struct {
	Blocks   []GlyphBlock
	Trailing bool
}

// GlyphBlock is a range of code points, Lo to Hi.
type GlyphBlock struct {
	Name   string
	Lo, Hi rune
}

// Read reads the file of the half named half ("tuning", "held-out"). A
// widget's markup must be one of markups. The reading is strict: an
// unknown or duplicate key, a value of the wrong shape, a missing or empty
// list, an unknown widget markup, a headline or widget language that
// cannot be drawn from is an error at its file:line.
func Read(half string, markups []string) (*Words, error) {
	name := half + ".yaml"
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Parse("bench/noise/vocab/"+name, data, markups)
}

// Parse reads data, the file named file in errors (see Read).
func Parse(file string, data []byte, markups []string) (*Words, error) {
	v := reader{r: yamlpos.NewReader(file), markups: markups}
	root, err := v.r.Root(data, "vocabulary file")
	if err != nil {
		return nil, err
	}
	p := &Words{}
	s, sb, w, ar, g := &p.Spam, &p.Sidebar, &p.Widgets, &p.Article, &p.Glyphs
	hp := &sb.Headlines
	v.section("vocabulary", nil, yamlpos.Fields{
		"spam": v.section("spam", map[string]*[]string{
			"brand-stems": &s.BrandStems, "brand-digits": &s.BrandDigits, "brand-ends": &s.BrandEnds,
			"tlds": &s.TLDs, "classes": &s.Classes, "farm-separators": &s.FarmSeparators,
		}, yamlpos.Fields{"random-digits": v.span(&s.RandomDigits), "phrases": v.byLang(&s.Phrases, "spam phrases")}),
		"sidebar": v.section("sidebar", map[string]*[]string{
			"headings": &sb.Headings, "classes": &sb.Classes, "misleading-classes": &sb.MisleadingClasses,
			"section-labels": &sb.SectionLabels, "teasers": &sb.Teasers, "days": &sb.Days, "dates": &sb.Dates,
		}, yamlpos.Fields{
			// A language has whole headlines or the four word lists.
			"headlines": v.section("headlines", map[string]*[]string{"langs": &hp.Langs}, yamlpos.Fields{
				"subjects": v.byLang(&hp.Subjects, "subjects"), "verbs": v.byLang(&hp.Verbs, "verbs"),
				"objects": v.byLang(&hp.Objects, "objects"), "places": v.byLang(&hp.Places, "places"),
				"whole": v.byLang(&hp.Whole, "whole"),
			}, "subjects", "verbs", "objects", "places", "whole"),
		}),
		"widgets": v.section("widgets", map[string]*[]string{"langs": &w.Langs}, yamlpos.Fields{"by-lang": v.widgets(&w.ByLang)}),
		"article": v.section("article", map[string]*[]string{
			"caption-who": &ar.CaptionWho, "caption-what": &ar.CaptionWhat, "caption-credits": &ar.CaptionCredits,
			"caption-places": &ar.CaptionPlaces, "file-stems": &ar.FileStems, "file-exts": &ar.FileExts, "lead-classes": &ar.LeadClasses,
		}, nil),
		"glyphs": v.section("glyphs", nil, yamlpos.Fields{
			"blocks":   v.glyphBlocks(&g.Blocks),
			"trailing": func(n *yaml.Node) { g.Trailing = v.r.Bool(n, "trailing") },
		}, "trailing"),
	})(root)
	if v.r.NumErrors() == 0 {
		v.check(root, p)
	}
	if err := v.r.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// reader reads the parts of one vocabulary file.
type reader struct {
	r       *yamlpos.Reader
	markups []string // the widget markups there are
}

// section reads a mapping of word lists (lists, by key) and other fields,
// all of them required but optional.
func (v reader) section(what string, lists map[string]*[]string, fields yamlpos.Fields, optional ...string) func(*yaml.Node) {
	all := maps.Clone(fields)
	if all == nil {
		all = yamlpos.Fields{}
	}
	for k, dst := range lists {
		all[k] = func(n *yaml.Node) { *dst = v.r.StringList(n, what+" "+k) }
	}
	required := slices.DeleteFunc(slices.Sorted(maps.Keys(all)), func(k string) bool { return slices.Contains(optional, k) })
	return func(n *yaml.Node) { v.r.Require(n, what, v.r.Mapping(n, what, all), required...) }
}

// byLang reads a mapping of language codes to lists of strings.
func (v reader) byLang(dst *map[string][]string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		*dst = map[string][]string{}
		v.r.Pairs(n, what, func(lang string, val *yaml.Node) { (*dst)[lang] = v.r.StringList(val, what+" "+lang) })
		if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
			v.r.Errorf(n, "%s: no language", what)
		}
	}
}

// span reads [lo, hi], a range of whole numbers with lo < hi.
func (v reader) span(dst *[2]int) func(*yaml.Node) {
	return func(n *yaml.Node) {
		items := v.r.Sequence(n, "random-digits")
		if n.Kind != yaml.SequenceNode {
			return
		}
		if len(items) != 2 {
			v.r.Errorf(n, "random-digits: want [lo, hi], got %d numbers", len(items))
			return
		}
		lo, hi := v.r.Int(items[0], "random-digits", 0, 1<<30), v.r.Int(items[1], "random-digits", 0, 1<<30)
		if lo >= hi {
			v.r.Errorf(n, "random-digits: want lo < hi, got [%d, %d]", lo, hi)
		}
		*dst = [2]int{lo, hi}
	}
}

// widgets reads the widgets of each language: name, markup (one of
// v.markups), classes and texts.
func (v reader) widgets(dst *map[string][]Widget) func(*yaml.Node) {
	return func(n *yaml.Node) {
		*dst = map[string][]Widget{}
		v.r.Pairs(n, "widgets by-lang", func(lang string, val *yaml.Node) {
			items := v.r.Sequence(val, "widgets "+lang)
			if val.Kind == yaml.SequenceNode && len(items) == 0 {
				v.r.Errorf(val, "widgets %s: empty list", lang)
			}
			for _, it := range items {
				var wd Widget
				seen := v.r.Mapping(it, "widget", yamlpos.Fields{
					"name": func(n *yaml.Node) { wd.Name = v.r.String(n, "widget name") },
					"markup": func(n *yaml.Node) {
						wd.Markup = v.r.String(n, "widget markup")
						if !slices.Contains(v.markups, wd.Markup) {
							v.r.Errorf(n, "unknown widget markup %q (want one of %s)", wd.Markup, strings.Join(v.markups, ", "))
						}
					},
					"classes": func(n *yaml.Node) { wd.Classes = v.r.StringList(n, "widget classes") },
					"texts":   func(n *yaml.Node) { wd.Texts = v.r.StringList(n, "widget texts") },
				})
				for _, k := range []string{"name", "markup", "classes", "texts"} {
					if it.Kind == yaml.MappingNode && !seen[k] {
						v.r.Errorf(it, "widget: missing key %q", k)
					}
				}
				(*dst)[lang] = append((*dst)[lang], wd)
			}
		})
	}
}

// glyphBlocks reads the glyph ranges: name, from and to (code points,
// written 0x1F600).
func (v reader) glyphBlocks(dst *[]GlyphBlock) func(*yaml.Node) {
	return func(n *yaml.Node) {
		for _, it := range v.r.Sequence(n, "glyph blocks") {
			var b GlyphBlock
			seen := v.r.Mapping(it, "glyph block", yamlpos.Fields{
				"name": func(n *yaml.Node) { b.Name = v.r.String(n, "glyph block name") },
				"from": func(n *yaml.Node) { b.Lo = v.codePoint(n) },
				"to":   func(n *yaml.Node) { b.Hi = v.codePoint(n) },
			})
			if it.Kind == yaml.MappingNode && (!seen["name"] || !seen["from"] || !seen["to"] || b.Lo > b.Hi) {
				v.r.Errorf(it, "glyph block: want name, from and to, from <= to")
			}
			*dst = append(*dst, b)
		}
	}
}

func (v reader) codePoint(n *yaml.Node) rune {
	c, err := strconv.ParseInt(v.r.String(n, "code point"), 0, 32)
	if err != nil || c < 0 || c > 0x10FFFF {
		v.r.Errorf(n, "code point: want 0x0 to 0x10FFFF, got %s", yamlpos.KindName(n))
	}
	return rune(c)
}

// check reports the languages the generator could not draw from: a
// headline language with neither whole headlines nor the four word lists,
// a widget language without widgets.
func (v reader) check(root *yaml.Node, p *Words) {
	hp := p.Sidebar.Headlines
	for _, l := range hp.Langs {
		if _, ok := hp.Whole[l]; !ok && (hp.Subjects[l] == nil || hp.Verbs[l] == nil || hp.Objects[l] == nil || hp.Places[l] == nil) {
			v.r.Errorf(root, "sidebar headlines: language %q has neither whole headlines nor subjects, verbs, objects and places", l)
		}
	}
	for _, l := range p.Widgets.Langs {
		if len(p.Widgets.ByLang[l]) == 0 {
			v.r.Errorf(root, "widgets: language %q has no widgets in by-lang", l)
		}
	}
}
