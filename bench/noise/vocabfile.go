package noise

import (
	"embed"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// The word lists of each half are data: vocab/tuning.yaml and
// vocab/held-out.yaml, embedded. Every list of one is disjoint from its
// counterpart in the other (TestPoolsDisjoint). The markup a half draws
// from (how spam is shown, glued, hidden, farmed; sidebar shapes) is code,
// in markup_tuning.go and markup_heldout.go.
//
//go:embed vocab/tuning.yaml vocab/held-out.yaml
var vocabFiles embed.FS

// vocabFile names the vocabulary file of half h, as errors name it.
func vocabFile(h Half) string { return "vocab/" + h.String() + ".yaml" }

// readVocab reads the vocabulary file of half h into the word lists of p.
// The reading is strict: an unknown or duplicate key, a value of the wrong
// shape, a missing or empty list, a widget markup or a headline language
// that cannot be drawn from is an error at its file:line.
func readVocab(h Half, p *pools) error {
	name := vocabFile(h)
	data, err := vocabFiles.ReadFile(name)
	if err != nil {
		return err
	}
	return parseVocab("bench/noise/"+name, data, p)
}

// parseVocab reads data, the vocabulary file named file in errors, into p.
func parseVocab(file string, data []byte, p *pools) error {
	v := vocabReader{r: yamlpos.NewReader(file)}
	root := v.r.Parse(data)
	if root == nil {
		if err := v.r.Err(); err != nil {
			return err
		}
		return fmt.Errorf("%s: empty vocabulary file", file)
	}
	s, sb, w, ar, g := &p.spam, &p.sidebar, &p.widget, &p.article, &p.glyphs
	hp := &sb.headlines
	v.section("vocabulary", nil, yamlpos.Fields{
		"spam": v.section("spam", map[string]*[]string{
			"brand-stems": &s.brandStems, "brand-digits": &s.brandDigits, "brand-ends": &s.brandEnds,
			"tlds": &s.tlds, "classes": &s.spamClasses, "farm-separators": &s.farmSeps,
		}, yamlpos.Fields{"random-digits": v.span(&s.randomDigits), "phrases": v.byLang(&s.spamPhrases, "spam phrases")}),
		"sidebar": v.section("sidebar", map[string]*[]string{
			"headings": &sb.sidebarHeadings, "classes": &sb.sideClasses, "misleading-classes": &sb.misleadClasses,
			"section-labels": &sb.sectionLabels, "teasers": &sb.teasers, "days": &sb.days, "dates": &sb.dates,
		}, yamlpos.Fields{
			// A language has whole headlines or the four word lists.
			"headlines": v.section("headlines", map[string]*[]string{"langs": &hp.langs}, yamlpos.Fields{
				"subjects": v.byLang(&hp.subjects, "subjects"), "verbs": v.byLang(&hp.verbs, "verbs"),
				"objects": v.byLang(&hp.objects, "objects"), "places": v.byLang(&hp.places, "places"),
				"whole": v.byLang(&hp.whole, "whole"),
			}, "subjects", "verbs", "objects", "places", "whole"),
		}),
		"widgets": v.section("widgets", map[string]*[]string{"langs": &w.widgetLangs}, yamlpos.Fields{"by-lang": v.widgets(&w.widgets)}),
		"article": v.section("article", map[string]*[]string{
			"caption-who": &ar.captionWho, "caption-what": &ar.captionWhat, "caption-credits": &ar.captionCred,
			"caption-places": &ar.captionPlaces, "file-stems": &ar.fileStems, "file-exts": &ar.fileExts, "lead-classes": &ar.leadClasses,
		}, nil),
		"glyphs": v.section("glyphs", nil, yamlpos.Fields{
			"blocks":   v.glyphBlocks(&g.glyphBlocks),
			"trailing": func(n *yaml.Node) { g.trailingGlyphs = v.r.Bool(n, "trailing") },
		}, "trailing"),
	})(root)
	if v.r.NumErrors() == 0 {
		v.check(root, p)
	}
	return v.r.Err()
}

// vocabReader reads the parts of one vocabulary file.
type vocabReader struct{ r *yamlpos.Reader }

// section reads a mapping of word lists (lists, by key) and other fields,
// all of them required but optional.
func (v vocabReader) section(what string, lists map[string]*[]string, fields yamlpos.Fields, optional ...string) func(*yaml.Node) {
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
func (v vocabReader) byLang(dst *map[string][]string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		*dst = map[string][]string{}
		v.r.Pairs(n, what, func(lang string, val *yaml.Node) { (*dst)[lang] = v.r.StringList(val, what+" "+lang) })
		if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
			v.r.Errorf(n, "%s: no language", what)
		}
	}
}

// span reads [lo, hi], a range of whole numbers with lo < hi.
func (v vocabReader) span(dst *[2]int) func(*yaml.Node) {
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

// widgets reads the widgets of each language: name, markup (a key of
// widgetMarkups), classes and texts.
func (v vocabReader) widgets(dst *map[string][]widget) func(*yaml.Node) {
	return func(n *yaml.Node) {
		*dst = map[string][]widget{}
		v.r.Pairs(n, "widgets by-lang", func(lang string, val *yaml.Node) {
			items := v.r.Sequence(val, "widgets "+lang)
			if val.Kind == yaml.SequenceNode && len(items) == 0 {
				v.r.Errorf(val, "widgets %s: empty list", lang)
			}
			for _, it := range items {
				var wd widget
				seen := v.r.Mapping(it, "widget", yamlpos.Fields{
					"name": func(n *yaml.Node) { wd.name = v.r.String(n, "widget name") },
					"markup": func(n *yaml.Node) {
						wd.markup = v.r.String(n, "widget markup")
						if _, ok := widgetMarkups[wd.markup]; !ok {
							v.r.Errorf(n, "unknown widget markup %q (want one of %s)", wd.markup, strings.Join(slices.Sorted(maps.Keys(widgetMarkups)), ", "))
						}
					},
					"classes": func(n *yaml.Node) { wd.classes = v.r.StringList(n, "widget classes") },
					"texts":   func(n *yaml.Node) { wd.texts = v.r.StringList(n, "widget texts") },
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
func (v vocabReader) glyphBlocks(dst *[]glyphBlock) func(*yaml.Node) {
	return func(n *yaml.Node) {
		for _, it := range v.r.Sequence(n, "glyph blocks") {
			var b glyphBlock
			seen := v.r.Mapping(it, "glyph block", yamlpos.Fields{
				"name": func(n *yaml.Node) { b.name = v.r.String(n, "glyph block name") },
				"from": func(n *yaml.Node) { b.lo = v.codePoint(n) },
				"to":   func(n *yaml.Node) { b.hi = v.codePoint(n) },
			})
			if it.Kind == yaml.MappingNode && (!seen["name"] || !seen["from"] || !seen["to"] || b.lo > b.hi) {
				v.r.Errorf(it, "glyph block: want name, from and to, from <= to")
			}
			*dst = append(*dst, b)
		}
	}
}

func (v vocabReader) codePoint(n *yaml.Node) rune {
	c, err := strconv.ParseInt(v.r.String(n, "code point"), 0, 32)
	if err != nil || c < 0 || c > 0x10FFFF {
		v.r.Errorf(n, "code point: want 0x0 to 0x10FFFF, got %s", yamlpos.KindName(n))
	}
	return rune(c)
}

// check reports the languages the generator could not draw from: a
// headline language with neither whole headlines nor the four word lists,
// a widget language without widgets.
func (v vocabReader) check(root *yaml.Node, p *pools) {
	hp := p.sidebar.headlines
	for _, l := range hp.langs {
		if _, ok := hp.whole[l]; !ok && (hp.subjects[l] == nil || hp.verbs[l] == nil || hp.objects[l] == nil || hp.places[l] == nil) {
			v.r.Errorf(root, "sidebar headlines: language %q has neither whole headlines nor subjects, verbs, objects and places", l)
		}
	}
	for _, l := range p.widget.widgetLangs {
		if len(p.widget.widgets[l]) == 0 {
			v.r.Errorf(root, "widgets: language %q has no widgets in by-lang", l)
		}
	}
}
