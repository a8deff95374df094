package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/internal/rxhint"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"github.com/winnowhq/winnow/pagetype"
	"github.com/winnowhq/winnow/rules/internal/engine"
	"github.com/winnowhq/winnow/spam"
	"go.yaml.in/yaml/v4"
)

// MaxFileSize caps one rule file; rule files are small, and a cap keeps a
// mistaken path (a log file, a binary) from eating memory.
const MaxFileSize = 1 << 20

// Load reads every *.yaml and *.yml file of fsys matching patterns (all rule
// files in the root when no pattern is given), in name order, and compiles them
// into a Set. Every problem of every file is reported at once, as an ErrorList
// of file:line:col messages. Names in errors are prefixed with prefix, so that
// they read as the user wrote them (e.g. "rules/spam.yaml:12:5").
func Load(fsys fs.FS, prefix string, patterns ...string) (*Set, error) {
	if len(patterns) == 0 {
		patterns = []string{"*.yaml", "*.yml"}
	}
	seen := map[string]bool{}
	var names []string
	for _, p := range patterns {
		m, err := fs.Glob(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("rules: bad pattern %q: %w", p, err)
		}
		for _, n := range m {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	var errs ErrorList
	var all []*Rule
	var lexicons []*spam.Lexicon
	for _, n := range names {
		display := n
		if prefix != "" {
			display = path.Join(prefix, n)
		}
		data, err := readRuleFile(fsys, n)
		if err != nil {
			errs.Add(Pos{File: display}, "read: %v", err)
			continue
		}
		f, err := ParseFile(display, data)
		var el ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
		} else if err != nil {
			errs.Add(Pos{File: display}, "%v", err)
		}
		if f != nil {
			all = append(all, f.Rules...)
			if f.Lexicon != nil {
				lexicons = append(lexicons, f.Lexicon)
			}
		}
	}
	set, err := NewSet(all...)
	var el ErrorList
	if errors.As(err, &el) {
		errs = append(errs, el...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if len(lexicons) > 0 {
		if set, err = set.WithLexicons(lexicons...); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// File is what one rule file holds: rules, and optionally a spam lexicon
// (a top-level `lexicon:` key, in the format of spam/lexicon/lexicon.yaml) that
// extends and overrides the built-in one.
type File struct {
	Rules   []*Rule
	Lexicon *spam.Lexicon
}

// readRuleFile reads name from fsys if it is a regular file of at most
// MaxFileSize bytes: a FIFO named like a rule file would block the read for
// ever, a device (a link to /dev/zero) would fill memory.
func readRuleFile(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", st.Size(), MaxFileSize)
	}
	return fs.ReadFile(fsys, name)
}

// Parse compiles the rules of one YAML file. name is used in positions.
// The file is read strictly: an unknown or duplicate key is an error. A
// lexicon in the file is checked but not returned; see ParseFile.
func Parse(name string, data []byte) ([]*Rule, error) {
	f, err := ParseFile(name, data)
	if f == nil {
		return nil, err
	}
	return f.Rules, err
}

// ParseFile compiles the rules and the lexicon of one YAML file, read
// strictly (an unknown or duplicate key is an error). name is used in
// positions.
func ParseFile(name string, data []byte) (*File, error) {
	r := yamlpos.NewReader(name)
	if len(data) > MaxFileSize {
		r.ErrorfAt(yamlpos.Pos{File: name}, "file is %d bytes, over the %d-byte limit", len(data), MaxFileSize)
		return nil, r.Err()
	}
	root := r.Parse(data)
	if root == nil {
		return nil, r.Err() // an empty file holds no rules
	}
	p := &parser{r}
	out := &File{}
	if root.Kind != yaml.MappingNode {
		p.Errorf(root, "expected a mapping with key \"rules\" or \"lexicon\", got %s", yamlpos.KindName(root))
		return nil, p.Err()
	}
	p.Mapping(root, "file", yamlpos.Fields{
		"rules": func(v *yaml.Node) {
			for _, rn := range p.Sequence(v, "rules") {
				if r := p.rule(rn); r != nil {
					out.Rules = append(out.Rules, r)
				}
			}
		},
		"lexicon": func(v *yaml.Node) {
			out.Lexicon = spam.ParseLexicon(v, p.Errorf)
		},
	})
	return out, p.Err()
}

// parser reads rules with a yamlpos.Reader, which collects the errors.
type parser struct {
	*yamlpos.Reader
}

var idRx = regexp.MustCompile(`^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$`)

func (p *parser) rule(n *yaml.Node) *Rule {
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "rule: expected a mapping, got %s", yamlpos.KindName(n))
		return nil
	}
	r := &Rule{Pos: p.Pos(n), Scope: Scope{Stage: -1}}
	r.params.Dedupe.Similarity = 1
	nerr := p.NumErrors()
	var matchNode, actionNode *yaml.Node
	hasStage, stageTried := false, false
	p.Mapping(n, "rule", yamlpos.Fields{
		"id": func(v *yaml.Node) {
			r.ID = p.String(v, "id")
			if r.ID != "" && !idRx.MatchString(r.ID) {
				p.Errorf(v, "id %q: want dotted lower-case words, e.g. spam.gambling-brand", r.ID)
			}
		},
		"description": func(v *yaml.Node) { r.Description = p.String(v, "description") },
		"scope":       func(v *yaml.Node) { hasStage, stageTried = p.scope(v, r) },
		"match":       func(v *yaml.Node) { matchNode = v },
		"action":      func(v *yaml.Node) { actionNode = v },
		"examples":    func(v *yaml.Node) { r.Examples = p.examples(v) },
	})
	if r.ID == "" {
		p.Errorf(n, "rule has no id")
	}
	if !hasStage && !stageTried {
		p.Errorf(n, "rule %s: scope.stage is required (dom, article or text)", r.ID)
	}
	if actionNode == nil {
		p.Errorf(n, "rule %s: action is required", r.ID)
	} else {
		p.action(actionNode, r)
	}
	if matchNode == nil {
		p.Errorf(n, "rule %s: match is required", r.ID)
	} else {
		p.match(matchNode, r)
	}
	if p.NumErrors() > nerr {
		return nil
	}
	p.check(n, r)
	if p.NumErrors() > nerr {
		return nil
	}
	return r
}

func (p *parser) scope(n *yaml.Node, r *Rule) (hasStage, tried bool) {
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "scope: expected a mapping, got %s", yamlpos.KindName(n))
		return false, true
	}
	p.Mapping(n, "scope", yamlpos.Fields{
		"stage": func(v *yaml.Node) {
			tried = true
			switch p.Enum(v, "stage", "dom", "article", "text") {
			case 0:
				r.Stage, hasStage = StageDOM, true
			case 1:
				r.Stage, hasStage = StageArticle, true
			case 2:
				r.Stage, hasStage = StageText, true
			}
		},
		"hosts": func(v *yaml.Node) {
			items := p.List(v, "hosts")
			for _, it := range items {
				h := p.String(it, "hosts")
				if _, err := path.Match(h, ""); err != nil {
					p.Errorf(it, "bad host glob %q: %v", h, err)
				}
				r.Hosts = append(r.Hosts, h)
			}
		},
		"page_types": func(v *yaml.Node) {
			for _, it := range p.List(v, "page_types") {
				t := p.String(it, "page_types")
				if !pagetype.Valid(t) {
					p.Errorf(it, "unknown page type %q (want one of %s)", t, strings.Join(pagetype.All(), ", "))
				}
				r.PageTypes = append(r.PageTypes, t)
			}
		},
	})
	return hasStage, tried
}

func (p *parser) action(n *yaml.Node, r *Rule) {
	s := p.String(n, "action")
	for i, name := range engine.ActionNames() {
		if s == name {
			r.Action = Action(i)
			return
		}
	}
	if n.Kind == yaml.ScalarNode {
		p.Errorf(n, "unknown action %q (want one of: %s)", s, strings.Join(engine.ActionNames(), ", "))
	}
}

// maxCount bounds the whole numbers of a match.
const maxCount = 1_000_000

// match reads a rule's match mapping: the keys of every kind of match, and
// the settings of the actions that take any.
func (p *parser) match(n *yaml.Node, r *Rule) {
	fields := yamlpos.Fields{
		"spam-score": func(v *yaml.Node) { r.match.SpamScore = p.Float(v, "spam-score", 0.01, 100) },
	}
	for _, kind := range []yamlpos.Fields{
		p.textFields(&r.match.Text), p.blockFields(&r.match.Block),
		p.elemFields(&r.match.Elem), p.hrefFields(&r.match.Href), p.actionFields(&r.params),
	} {
		maps.Copy(fields, kind)
	}
	p.Mapping(n, "match", fields)
}

// count reads a whole number of a match into dst.
func (p *parser) count(dst *int, what string) func(*yaml.Node) {
	return func(v *yaml.Node) { *dst = p.Int(v, what, 0, maxCount) }
}

// flag reads a boolean of a match into dst.
func (p *parser) flag(dst *bool, what string) func(*yaml.Node) {
	return func(v *yaml.Node) { *dst = p.Bool(v, what) }
}

// regexp reads a regex into dst and its hints into hint.
func (p *parser) regexp(dst **regexp.Regexp, hint *rxhint.Hints, what string) func(*yaml.Node) {
	return func(v *yaml.Node) {
		*dst = p.Regexp(v, what)
		if *dst != nil {
			*hint = rxhint.Of((*dst).String())
		}
	}
}

// check validates combinations that only make sense together.
func (p *parser) check(n *yaml.Node, r *Rule) {
	dom := r.Stage.isDOM()
	switch {
	case dom && (r.Action == ActionDrop || r.Action == ActionStrip || r.Action == ActionDedupe):
		p.Errorf(n, "rule %s: action %s works on text, not at stage %s", r.ID, r.Action, r.Stage)
	case !dom && r.Action == ActionRemove:
		p.Errorf(n, "rule %s: action remove works at stages dom and article; use drop at stage text", r.ID)
	case dom && r.match.Elem.Selector == nil && !r.match.Elem.Hidden && r.match.Elem.Teasers == 0 && len(r.match.Elem.Class) == 0 && r.match.SpamScore == 0:
		p.Errorf(n, "rule %s: a %s rule needs match.selector, class, hidden, teasers or spam-score", r.ID, r.Stage)
	case r.match.SpamScore > 0 && r.Stage == StageArticle:
		p.Errorf(n, "rule %s: spam-score works at stages dom and text", r.ID)
	case !dom && (r.match.Elem.Selector != nil || r.match.Elem.Hidden || r.match.Href.Re != nil || r.match.Href.Host != nil || r.match.Elem.MinLinkDensity > 0 || r.match.Elem.MinLinks > 0):
		p.Errorf(n, "rule %s: selector, hidden, href, link-density and min-links are dom matchers", r.ID)
	case r.Action == ActionStrip && r.params.Strip.Pattern == nil && r.params.Strip.Glyphs == engine.GlyphsNone:
		p.Errorf(n, "rule %s: strip needs match.pattern or match.glyphs", r.ID)
	case r.Action != ActionStrip && (r.params.Strip.Pattern != nil || r.params.Strip.Glyphs != engine.GlyphsNone):
		p.Errorf(n, "rule %s: match.pattern and match.glyphs only go with action strip", r.ID)
	case r.Action != ActionDedupe && (r.params.Dedupe.Similarity != 1 || r.params.Dedupe.MinChars > 0):
		p.Errorf(n, "rule %s: similarity and min-chars only go with action dedupe", r.ID)
	case len(r.match.Text.Contains) > 0 && r.match.Text.Re == nil:
		p.Errorf(n, "rule %s: contains is a prefilter for match.text; add text", r.ID)
	case r.params.SpareClean > 0 && (r.match.SpamScore == 0 || r.Action != ActionDrop && r.Action != ActionRemove):
		p.Errorf(n, "rule %s: spare-clean only goes with spam-score and action remove or drop", r.ID)
	case r.params.AlsoNext > 0 && r.Action != ActionDrop:
		p.Errorf(n, "rule %s: also-next only goes with action drop", r.ID)
	case (r.params.Dedupe.Window > 0 || r.params.Dedupe.SpareLabels > 0) && r.Action != ActionDedupe:
		p.Errorf(n, "rule %s: window and spare-labels only go with action dedupe", r.ID)
	case !dom && (len(r.match.Elem.Class) > 0 || len(r.match.Elem.NotTags) > 0):
		p.Errorf(n, "rule %s: class and not-tag are dom matchers", r.ID)
	case !dom && r.match.Elem.Teasers > 0:
		p.Errorf(n, "rule %s: teasers is a dom matcher", r.ID)
	case dom && r.match.Block.OwnHost:
		p.Errorf(n, "rule %s: own-host is a text matcher", r.ID)
	case r.params.Cut.MaxCut > 0 && r.Action != ActionCutAfter:
		p.Errorf(n, "rule %s: max-cut only goes with action cut-after", r.ID)
	case r.params.Cut.Repeated > 0 && (dom || r.params.Cut.MaxCut == 0):
		p.Errorf(n, "rule %s: repeated-cut only goes with max-cut in stage text", r.ID)
	case r.params.Cut.SpareProse > 0 && (!dom || r.Action != ActionCutAfter):
		p.Errorf(n, "rule %s: spare-prose only goes with action cut-after in stage dom or article", r.ID)
	case r.match.Text.MinMatches > 0 && r.match.Text.Re == nil:
		p.Errorf(n, "rule %s: min-matches needs match.text", r.ID)
	}
}

func (p *parser) examples(n *yaml.Node) []Example {
	var out []Example
	for _, e := range p.Sequence(n, "examples") {
		if e.Kind != yaml.MappingNode {
			p.Errorf(e, "example: expected a mapping with in and out, got %s", yamlpos.KindName(e))
			continue
		}
		ex := Example{Pos: p.Pos(e)}
		has := p.Mapping(e, "example", yamlpos.Fields{
			"in":  func(v *yaml.Node) { ex.In = p.String(v, "in") },
			"out": func(v *yaml.Node) { ex.Out = p.String(v, "out") },
		})
		if !has["in"] || !has["out"] {
			p.Errorf(e, "example needs both in and out")
			continue
		}
		out = append(out, ex)
	}
	return out
}

// literals reads a string or list of strings as lower-case literals for
// case-insensitive substring tests; an empty literal would match anything.
func (p *parser) literals(n *yaml.Node, what string) []string {
	var out []string
	for _, s := range p.Strings(n, what) {
		if s == "" {
			p.Errorf(n, "%s: empty string", what)
			continue
		}
		out = append(out, strings.ToLower(s))
	}
	return out
}
