package heldoutb

import (
	"bytes"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
)

//go:embed pools.yaml
var poolsYAML []byte

// Words are held-out B's word lists, read from pools.yaml.
type Words struct {
	Spam        Spam        `yaml:"spam"`
	Boilerplate Boilerplate `yaml:"boilerplate"`
	Article     Article     `yaml:"article"`
	Glyphs      struct {
		Blocks []GlyphBlock `yaml:"blocks"`
	} `yaml:"glyphs"`
}

// Spam is what held-out B's spam is made of: brand patterns and their
// slots, link hosts, sentences per language, box classes, link-farm
// labels and separators.
type Spam struct {
	Brands         []string            `yaml:"brands"`
	Slots          map[string][]string `yaml:"slots"`
	TLDs           []string            `yaml:"tlds"`
	Hosts          []string            `yaml:"hosts"`
	HostSlots      map[string][]string `yaml:"host-slots"`
	Phrases        map[string][]string `yaml:"phrases"`
	Classes        []string            `yaml:"classes"`
	FarmLabels     []string            `yaml:"farm-labels"`
	FarmSeparators []string            `yaml:"farm-separators"`
}

// Boilerplate is what sidebars, inline related links and widgets are made
// of.
type Boilerplate struct {
	Headings          []string            `yaml:"headings"`
	Classes           []string            `yaml:"classes"`
	MisleadingClasses []string            `yaml:"misleading-classes"`
	SectionLabels     []string            `yaml:"section-labels"`
	Headlines         map[string][]string `yaml:"headlines"`
	Teasers           []string            `yaml:"teasers"`
	Dates             []string            `yaml:"dates"`
	Widgets           []Widget            `yaml:"widgets"`
}

// Widget is one boilerplate box: its texts in the markup named Markup.
type Widget struct {
	Name    string   `yaml:"name"`
	Markup  string   `yaml:"markup"`
	Classes []string `yaml:"classes"`
	Texts   []string `yaml:"texts"`
}

// Article is what is injected into the article's own text.
type Article struct {
	CaptionWho       []string `yaml:"caption-who"`
	CaptionWhat      []string `yaml:"caption-what"`
	CaptionPlaces    []string `yaml:"caption-places"`
	CaptionCredits   []string `yaml:"caption-credits"`
	FileNames        []string `yaml:"file-names"`
	LeadClasses      []string `yaml:"lead-classes"`
	PullquoteClasses []string `yaml:"pullquote-classes"`
	SummaryHeadings  []string `yaml:"summary-headings"`
}

// GlyphBlock is a range of code points, From to To.
type GlyphBlock struct {
	Name     string `yaml:"name"`
	From, To rune
}

// UnmarshalYAML reads a block's bounds written as 0x1F0A0.
func (g *GlyphBlock) UnmarshalYAML(n *yaml.Node) error {
	var raw struct {
		Name     string `yaml:"name"`
		From, To int64
	}
	if err := n.Decode(&raw); err != nil {
		return err
	}
	if raw.Name == "" || raw.From > raw.To || raw.To > 0x10FFFF {
		return fmt.Errorf("line %d: glyph block: want name, from and to, from <= to", n.Line)
	}
	g.Name, g.From, g.To = raw.Name, rune(raw.From), rune(raw.To)
	return nil
}

// Read parses pools.yaml strictly: an unknown key, an empty list, a widget
// markup the generator lacks or a pattern naming a missing slot is an
// error.
func Read() (*Words, error) { return parse(poolsYAML) }

func parse(data []byte) (*Words, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var w Words
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("winnow: bench/noise/heldoutb/pools.yaml: %w", err)
	}
	if err := w.check(); err != nil {
		return nil, fmt.Errorf("winnow: bench/noise/heldoutb/pools.yaml: %w", err)
	}
	return &w, nil
}

func (w *Words) check() error {
	s, b, ar := w.Spam, w.Boilerplate, w.Article
	for name, l := range map[string][]string{
		"spam brands": s.Brands, "spam tlds": s.TLDs, "spam hosts": s.Hosts, "spam classes": s.Classes,
		"farm labels": s.FarmLabels, "farm separators": s.FarmSeparators, "headings": b.Headings,
		"boilerplate classes": b.Classes, "misleading classes": b.MisleadingClasses, "section labels": b.SectionLabels,
		"teasers": b.Teasers, "dates": b.Dates, "caption who": ar.CaptionWho, "caption what": ar.CaptionWhat,
		"caption places": ar.CaptionPlaces, "caption credits": ar.CaptionCredits, "file names": ar.FileNames,
		"lead classes": ar.LeadClasses, "pullquote classes": ar.PullquoteClasses, "summary headings": ar.SummaryHeadings,
	} {
		if len(l) == 0 {
			return fmt.Errorf("%s: empty list", name)
		}
	}
	if len(s.Phrases) == 0 || len(b.Headlines) == 0 || len(b.Widgets) == 0 || len(w.Glyphs.Blocks) == 0 {
		return fmt.Errorf("phrases, headlines, widgets and glyph blocks must not be empty")
	}
	for _, wd := range b.Widgets {
		if _, ok := widgetMarkups[wd.Markup]; !ok || len(wd.Texts) < 2 || len(wd.Classes) == 0 {
			return fmt.Errorf("widget %q: markup %q unknown, or fewer than 2 texts, or no class", wd.Name, wd.Markup)
		}
	}
	for _, p := range s.Brands {
		if err := slotsKnown(p, s.Slots); err != nil {
			return err
		}
	}
	for _, p := range s.Hosts {
		if err := slotsKnown(p, s.HostSlots, "label", "tld"); err != nil {
			return err
		}
	}
	return nil
}

// slotsKnown reports a {name} of pattern that is neither in slots, nor a
// digit run, nor one of extra.
func slotsKnown(pattern string, slots map[string][]string, extra ...string) error {
	for _, name := range slotNames(pattern) {
		if _, ok := slots[name]; !ok && digitRun(name) == 0 && !slices.Contains(extra, name) {
			return fmt.Errorf("pattern %q: no slot %q", pattern, name)
		}
	}
	return nil
}

// slotNames lists the {names} of a pattern.
func slotNames(pattern string) []string {
	var names []string
	for rest := pattern; ; {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest[i+1:], '}')
		if i < 0 || j < 0 {
			return names
		}
		names = append(names, rest[i+1:i+1+j])
		rest = rest[i+1+j+1:]
	}
}

// digitRun is n for the slot "nN" (N from 1 to 5), else 0.
func digitRun(name string) int {
	if len(name) == 2 && name[0] == 'n' && name[1] >= '1' && name[1] <= '5' {
		return int(name[1] - '0')
	}
	return 0
}

// expand fills a pattern: each {name} with a random item of slots[name]
// or of fixed, each {nN} with N random digits (the first not 0).
func expand(r *rand.Rand, pattern string, slots map[string][]string, fixed map[string]string) string {
	var b strings.Builder
	rest := pattern
	for {
		i := strings.IndexByte(rest, '{')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(rest[i:], '}')
		}
		if j < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:i])
		name := rest[i+1 : i+j]
		switch v, ok := fixed[name]; {
		case ok:
			b.WriteString(v)
		case digitRun(name) > 0:
			b.WriteByte(byte('1' + r.IntN(9)))
			for range digitRun(name) - 1 {
				b.WriteByte(byte('0' + r.IntN(10)))
			}
		default:
			b.WriteString(pick(r, slots[name]))
		}
		rest = rest[i+j+1:]
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
