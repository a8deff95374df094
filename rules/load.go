package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/pagetype"
	"go.yaml.in/yaml/v3"
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
	for _, n := range names {
		display := n
		if prefix != "" {
			display = path.Join(prefix, n)
		}
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			errs.Add(Pos{File: display}, "read: %v", err)
			continue
		}
		rs, err := Parse(display, data)
		var el ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
		} else if err != nil {
			errs.Add(Pos{File: display}, "%v", err)
		}
		all = append(all, rs...)
	}
	set, err := NewSet(all...)
	var el ErrorList
	if errors.As(err, &el) {
		errs = append(errs, el...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

// Parse compiles the rules of one YAML file. name is used in positions.
func Parse(name string, data []byte) ([]*Rule, error) {
	var errs ErrorList
	if len(data) > MaxFileSize {
		errs.Add(Pos{File: name}, "file is %d bytes, over the %d-byte limit", len(data), MaxFileSize)
		return nil, errs.Err()
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, YAMLError(name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file holds no rules
	}
	p := &parser{file: name, errs: &errs}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "expected a mapping with key \"rules\", got %s", kindName(root))
		return nil, errs.Err()
	}
	var out []*Rule
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "rules":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "rules: expected a list, got %s", kindName(v))
				continue
			}
			for _, rn := range v.Content {
				if r := p.rule(rn); r != nil {
					out = append(out, r)
				}
			}
		default:
			p.errorf(k, "unknown key %q (want: rules)", k.Value)
		}
	}
	return out, errs.Err()
}

type parser struct {
	file string
	errs *ErrorList
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{File: p.file, Line: n.Line, Col: n.Column} }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs.Add(p.pos(n), format, args...)
}

var idRx = regexp.MustCompile(`^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$`)

func (p *parser) rule(n *yaml.Node) *Rule {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "rule: expected a mapping, got %s", kindName(n))
		return nil
	}
	r := &Rule{Pos: p.pos(n), similarity: 1, Stage: -1}
	nerr := len(*p.errs)
	var matchNode, actionNode *yaml.Node
	hasStage, stageTried := false, false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "id":
			r.ID = p.str(v, "id")
			if r.ID != "" && !idRx.MatchString(r.ID) {
				p.errorf(v, "id %q: want dotted lower-case words, e.g. spam.gambling-brand", r.ID)
			}
		case "description":
			r.Description = p.str(v, "description")
		case "scope":
			hasStage, stageTried = p.scope(v, r)
		case "match":
			matchNode = v
		case "action":
			actionNode = v
		case "examples":
			r.Examples = p.examples(v)
		default:
			p.errorf(k, "unknown key %q in rule (want: id, description, scope, match, action, examples)", k.Value)
		}
	}
	if r.ID == "" {
		p.errorf(n, "rule has no id")
	}
	if !hasStage && !stageTried {
		p.errorf(n, "rule %s: scope.stage is required (dom, article or text)", r.ID)
	}
	if actionNode == nil {
		p.errorf(n, "rule %s: action is required", r.ID)
	} else {
		p.action(actionNode, r)
	}
	if matchNode == nil {
		p.errorf(n, "rule %s: match is required", r.ID)
	} else {
		p.match(matchNode, r)
	}
	if len(*p.errs) > nerr {
		return nil
	}
	p.check(n, r)
	if len(*p.errs) > nerr {
		return nil
	}
	return r
}

func (p *parser) scope(n *yaml.Node, r *Rule) (hasStage, tried bool) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "scope: expected a mapping, got %s", kindName(n))
		return false, true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "stage":
			tried = true
			switch s := p.str(v, "stage"); s {
			case "dom":
				r.Stage, hasStage = StageDOM, true
			case "text":
				r.Stage, hasStage = StageText, true
			case "article":
				r.Stage, hasStage = StageArticle, true
			default:
				p.errorf(v, "unknown stage %q (want dom, article or text)", s)
			}
		case "hosts":
			r.Hosts = p.strs(v, "hosts")
			for i, h := range r.Hosts {
				if _, err := path.Match(h, ""); err != nil {
					p.errorf(v.Content[i], "bad host glob %q: %v", h, err)
				}
			}
		case "page_types":
			r.PageTypes = p.strs(v, "page_types")
			for i, t := range r.PageTypes {
				if !pagetype.Valid(t) {
					p.errorf(v.Content[i], "unknown page type %q (want one of %s)", t, strings.Join(pagetype.All(), ", "))
				}
			}
		default:
			p.errorf(k, "unknown key %q in scope (want: stage, hosts, page_types)", k.Value)
		}
	}
	return hasStage, tried
}

func (p *parser) action(n *yaml.Node, r *Rule) {
	s := p.str(n, "action")
	for i, name := range actionNames {
		if s == name {
			r.Action = Action(i)
			return
		}
	}
	p.errorf(n, "unknown action %q (want one of: %s)", s, strings.Join(actionNames[:], ", "))
}

func (p *parser) match(n *yaml.Node, r *Rule) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "match: expected a mapping, got %s", kindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "selector":
			r.selectorSrc = p.str(v, "selector")
			sel, err := cascadia.Compile(r.selectorSrc)
			if err != nil {
				p.errorf(v, "bad selector %q: %v", r.selectorSrc, err)
			}
			r.selector = sel
			r.subjects = readSubjects(r.selectorSrc)
		case "text":
			r.text = p.regex(v, "text")
			r.textTail = r.text != nil && endAnchoredOnly(r.text.String())
			if r.text != nil {
				r.textReq = requiredBytes(r.text.String())
			}
			if r.text != nil {
				r.textFirst, r.textLast = edgeBytes(r.text.String(), false), edgeBytes(r.text.String(), true)
			}
		case "contains":
			r.contains = p.literals(v, "contains")
		case "not-text":
			r.notText = p.regex(v, "not-text")
		case "pattern":
			r.pattern = p.regex(v, "pattern")
			r.patternTail = r.pattern != nil && endAnchoredOnly(r.pattern.String())
			if r.pattern != nil {
				r.patternReq = requiredBytes(r.pattern.String())
			}
			if r.pattern != nil {
				r.patternFirst, r.patternLast = edgeBytes(r.pattern.String(), false), edgeBytes(r.pattern.String(), true)
			}
		case "href":
			r.href = p.regex(v, "href")
		case "href-host":
			r.hrefHost = p.regex(v, "href-host")
		case "href-contains":
			r.hrefLits = p.literals(v, "href-contains")
		case "kind":
			items := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				items = v.Content
			}
			for _, it := range items {
				switch s := p.str(it, "kind"); Kind(s) {
				case KindParagraph, KindHeading, KindListItem, KindQuote, KindCaption, KindPre, KindLine:
					r.kinds = append(r.kinds, Kind(s))
				default:
					p.errorf(it, "unknown block kind %q (want p, h, li, quote, caption, pre, line)", s)
				}
			}
		case "hidden":
			r.hidden = p.boolean(v, "hidden")
		case "link-density":
			r.minLinkDens = p.float(v, "link-density", 0, 1)
		case "min-links":
			r.minLinks = p.int(v, "min-links")
		case "min-words":
			r.minWords = p.int(v, "min-words")
		case "max-words":
			r.maxWords = p.int(v, "max-words")
		case "min-matches":
			r.minMatches = p.int(v, "min-matches")
		case "after-words":
			r.afterWords = p.int(v, "after-words")
		case "repeats":
			r.repeats = p.int(v, "repeats")
		case "class":
			r.class = p.literals(v, "class")
		case "not-tag":
			for _, t := range p.strs(v, "not-tag") {
				r.notTags = append(r.notTags, strings.ToLower(t))
			}
		case "teasers":
			r.teasers = p.int(v, "teasers")
		case "own-host":
			r.ownHost = p.boolean(v, "own-host")
		case "also-next":
			r.alsoNext = p.int(v, "also-next")
		case "window":
			r.window = p.int(v, "window")
		case "max-cut":
			r.maxCut = p.float(v, "max-cut", 0.01, 1)
		case "spare-prose":
			r.spareProse = p.int(v, "spare-prose")
		case "min-chars":
			r.minChars = p.int(v, "min-chars")
		case "similarity":
			r.similarity = p.float(v, "similarity", 0.5, 1)
		case "same-as-title":
			r.sameAsTitle = p.boolean(v, "same-as-title")
		case "position":
			switch s := p.str(v, "position"); s {
			case "first":
				r.position = PosFirst
			case "last":
				r.position = PosLast
			default:
				p.errorf(v, "unknown position %q (want first or last)", s)
			}
		case "glyphs":
			switch s := p.str(v, "glyphs"); s {
			case "leading":
				r.glyphs = GlyphsLeading
			case "trailing":
				r.glyphs = GlyphsTrailing
			case "both":
				r.glyphs = GlyphsBoth
			default:
				p.errorf(v, "unknown glyphs %q (want leading, trailing or both)", s)
			}
		default:
			p.errorf(k, "unknown key %q in match", k.Value)
		}
	}
}

// check validates combinations that only make sense together.
func (p *parser) check(n *yaml.Node, r *Rule) {
	dom := r.Stage.isDOM()
	switch {
	case dom && (r.Action == ActionDrop || r.Action == ActionStrip || r.Action == ActionDedupe):
		p.errorf(n, "rule %s: action %s works on text, not at stage %s", r.ID, r.Action, r.Stage)
	case !dom && r.Action == ActionRemove:
		p.errorf(n, "rule %s: action remove works at stages dom and article; use drop at stage text", r.ID)
	case dom && r.selector == nil && !r.hidden && r.teasers == 0 && len(r.class) == 0:
		p.errorf(n, "rule %s: a %s rule needs match.selector, class, hidden or teasers", r.ID, r.Stage)
	case !dom && (r.selector != nil || r.hidden || r.href != nil || r.hrefHost != nil || r.minLinkDens > 0 || r.minLinks > 0):
		p.errorf(n, "rule %s: selector, hidden, href, link-density and min-links are dom matchers", r.ID)
	case r.Action == ActionStrip && r.pattern == nil && r.glyphs == GlyphsNone:
		p.errorf(n, "rule %s: strip needs match.pattern or match.glyphs", r.ID)
	case r.Action != ActionStrip && (r.pattern != nil || r.glyphs != GlyphsNone):
		p.errorf(n, "rule %s: match.pattern and match.glyphs only go with action strip", r.ID)
	case r.Action != ActionDedupe && (r.similarity != 1 || r.minChars > 0):
		p.errorf(n, "rule %s: similarity and min-chars only go with action dedupe", r.ID)
	case len(r.contains) > 0 && r.text == nil:
		p.errorf(n, "rule %s: contains is a prefilter for match.text; add text", r.ID)
	case r.alsoNext > 0 && r.Action != ActionDrop:
		p.errorf(n, "rule %s: also-next only goes with action drop", r.ID)
	case r.window > 0 && r.Action != ActionDedupe:
		p.errorf(n, "rule %s: window only goes with action dedupe", r.ID)
	case !dom && (len(r.class) > 0 || len(r.notTags) > 0):
		p.errorf(n, "rule %s: class and not-tag are dom matchers", r.ID)
	case !dom && r.teasers > 0:
		p.errorf(n, "rule %s: teasers is a dom matcher", r.ID)
	case dom && r.ownHost:
		p.errorf(n, "rule %s: own-host is a text matcher", r.ID)
	case r.maxCut > 0 && r.Action != ActionCutAfter:
		p.errorf(n, "rule %s: max-cut only goes with action cut-after", r.ID)
	case r.spareProse > 0 && (!dom || r.Action != ActionCutAfter):
		p.errorf(n, "rule %s: spare-prose only goes with action cut-after in stage dom or article", r.ID)
	case r.minMatches > 0 && r.text == nil:
		p.errorf(n, "rule %s: min-matches needs match.text", r.ID)
	}
}

func (p *parser) examples(n *yaml.Node) []Example {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "examples: expected a list, got %s", kindName(n))
		return nil
	}
	var out []Example
	for _, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "example: expected a mapping with in and out, got %s", kindName(e))
			continue
		}
		ex := Example{Pos: p.pos(e)}
		var hasIn, hasOut bool
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, v := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "in":
				ex.In, hasIn = p.str(v, "in"), true
			case "out":
				ex.Out, hasOut = p.str(v, "out"), true
			default:
				p.errorf(k, "unknown key %q in example (want: in, out)", k.Value)
			}
		}
		if !hasIn || !hasOut {
			p.errorf(e, "example needs both in and out")
			continue
		}
		out = append(out, ex)
	}
	return out
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s: expected a string, got %s", what, kindName(n))
		return ""
	}
	return n.Value
}

func (p *parser) strs(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: expected a list of strings, got %s", what, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, p.str(c, what))
	}
	return out
}

// literals reads a string or list of strings as lower-case literals for
// case-insensitive substring tests; an empty literal would match anything.
func (p *parser) literals(n *yaml.Node, what string) []string {
	var out []string
	for _, s := range p.strs(n, what) {
		if s == "" {
			p.errorf(n, "%s: empty string", what)
			continue
		}
		out = append(out, strings.ToLower(s))
	}
	return out
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind == yaml.ScalarNode {
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	}
	p.errorf(n, "%s: expected true or false, got %q", what, n.Value)
	return false
}

func (p *parser) int(n *yaml.Node, what string) int {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(n.Value); err == nil && v >= 0 && v <= 1_000_000 {
			return v
		}
	}
	p.errorf(n, "%s: expected a whole number from 0 to 1000000, got %q", what, n.Value)
	return 0
}

func (p *parser) float(n *yaml.Node, what string, lo, hi float64) float64 {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && v >= lo && v <= hi {
			return v
		}
	}
	p.errorf(n, "%s: expected a number from %g to %g, got %q", what, lo, hi, n.Value)
	return lo
}

func (p *parser) regex(n *yaml.Node, what string) *regexp.Regexp {
	s := p.str(n, what)
	if s == "" {
		if n.Kind == yaml.ScalarNode {
			p.errorf(n, "%s: empty regex", what)
		}
		return nil
	}
	rx, err := regexp.Compile(s)
	if err != nil {
		p.errorf(n, "bad regex in %s: %s", what, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return nil
	}
	return rx
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

var yamlLineRx = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// YAMLError turns an error of the yaml package about file into an ErrorList
// of one "file:line: bad YAML: ..." entry, so that other YAML files (job
// files) report syntax errors as rule files do.
func YAMLError(file string, err error) error {
	var errs ErrorList
	errs.Add(yamlErrPos(file, err), "%s", yamlErrMsg(err))
	return errs.Err()
}

// yamlErrPos extracts the line of a YAML syntax error; the yaml package gives
// no column for syntax errors.
func yamlErrPos(file string, err error) Pos {
	if m := yamlLineRx.FindStringSubmatch(err.Error()); m != nil && m[1] != "" {
		line, _ := strconv.Atoi(m[1])
		return Pos{File: file, Line: line}
	}
	return Pos{File: file}
}

func yamlErrMsg(err error) string {
	if m := yamlLineRx.FindStringSubmatch(err.Error()); m != nil {
		return "bad YAML: " + m[2]
	}
	return "bad YAML: " + err.Error()
}
