package rules

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/subject"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"github.com/winnowhq/winnow/rules/internal/engine"
	"go.yaml.in/yaml/v4"
)

// The match keys, by kind of match: each reader fills one part of the
// engine's Match (or Params), so that a new kind of match is one new type
// there and its keys here.

// textFields are the match keys of a TextMatch.
func (p *parser) textFields(tx *engine.TextMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"text":        p.regexp(&tx.Re, &tx.Hint, "text"),
		"contains":    func(v *yaml.Node) { tx.Contains = p.literals(v, "contains") },
		"not-text":    func(v *yaml.Node) { tx.Not = p.Regexp(v, "not-text") },
		"min-words":   p.count(&tx.MinWords, "min-words"),
		"max-words":   p.count(&tx.MaxWords, "max-words"),
		"min-matches": p.count(&tx.MinMatches, "min-matches"),
	}
}

// blockFields are the match keys of a BlockMatch.
func (p *parser) blockFields(bm *engine.BlockMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"kind": func(v *yaml.Node) {
			for _, it := range p.List(v, "kind") {
				switch s := p.String(it, "kind"); block.Kind(s) {
				case block.KindParagraph, block.KindHeading, block.KindListItem, block.KindQuote, block.KindCaption, block.KindPre, block.KindLine, block.KindRow:
					bm.Kinds = append(bm.Kinds, block.Kind(s))
				default:
					if it.Kind == yaml.ScalarNode {
						p.Errorf(it, "unknown block kind %q (want p, h, li, quote, caption, pre, line, row)", s)
					}
				}
			}
		},
		"after-words":   p.count(&bm.AfterWords, "after-words"),
		"repeats":       p.count(&bm.Repeats, "repeats"),
		"own-host":      p.flag(&bm.OwnHost, "own-host"),
		"same-as-title": p.flag(&bm.SameAsTitle, "same-as-title"),
		"position": func(v *yaml.Node) {
			switch p.Enum(v, "position", "first", "last") {
			case 0:
				bm.Position = engine.PosFirst
			case 1:
				bm.Position = engine.PosLast
			}
		},
	}
}

// elemFields are the match keys of an ElemMatch.
func (p *parser) elemFields(em *engine.ElemMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"selector": func(v *yaml.Node) {
			em.SelectorSrc = p.String(v, "selector")
			sel, err := cascadia.Compile(em.SelectorSrc)
			if err != nil {
				p.Errorf(v, "bad selector %q: %v", em.SelectorSrc, err)
			}
			em.Selector = sel
			em.Subjects = subject.Read(em.SelectorSrc)
		},
		"hidden":       p.flag(&em.Hidden, "hidden"),
		"link-density": func(v *yaml.Node) { em.MinLinkDensity = p.Float(v, "link-density", 0, 1) },
		"min-links":    p.count(&em.MinLinks, "min-links"),
		"class":        func(v *yaml.Node) { em.Class = p.literals(v, "class") },
		"not-tag": func(v *yaml.Node) {
			for _, t := range p.Strings(v, "not-tag") {
				em.NotTags = append(em.NotTags, strings.ToLower(t))
			}
		},
		"teasers": p.count(&em.Teasers, "teasers"),
	}
}

// hrefFields are the match keys of an HrefMatch.
func (p *parser) hrefFields(h *engine.HrefMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"href":          func(v *yaml.Node) { h.Re = p.Regexp(v, "href") },
		"href-host":     func(v *yaml.Node) { h.Host = p.Regexp(v, "href-host") },
		"href-contains": func(v *yaml.Node) { h.Contains = p.literals(v, "href-contains") },
	}
}

// actionFields are the match keys that set how an action is done.
func (p *parser) actionFields(a *engine.Params) yamlpos.Fields {
	return yamlpos.Fields{
		"pattern":      p.regexp(&a.Strip.Pattern, &a.Strip.Hint, "pattern"),
		"also-next":    p.count(&a.AlsoNext, "also-next"),
		"spare-clean":  p.count(&a.SpareClean, "spare-clean"),
		"window":       p.count(&a.Dedupe.Window, "window"),
		"max-cut":      func(v *yaml.Node) { a.Cut.MaxCut = p.Float(v, "max-cut", 0.01, 1) },
		"spare-prose":  p.count(&a.Cut.SpareProse, "spare-prose"),
		"repeated-cut": func(v *yaml.Node) { a.Cut.Repeated = p.Float(v, "repeated-cut", 0.01, 1) },
		"min-chars":    p.count(&a.Dedupe.MinChars, "min-chars"),
		"spare-labels": p.count(&a.Dedupe.SpareLabels, "spare-labels"),
		"similarity":   func(v *yaml.Node) { a.Dedupe.Similarity = p.Float(v, "similarity", 0.5, 1) },
		"glyphs": func(v *yaml.Node) {
			switch p.Enum(v, "glyphs", "leading", "trailing", "both") {
			case 0:
				a.Strip.Glyphs = engine.GlyphsLeading
			case 1:
				a.Strip.Glyphs = engine.GlyphsTrailing
			case 2:
				a.Strip.Glyphs = engine.GlyphsBoth
			}
		},
	}
}
