// Package subject reads, from a CSS selector's text, a cheap necessary
// condition for the selector to match an element: the element and
// attribute names its subjects demand.
package subject

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Filter is a cheap necessary condition for a selector to match an
// element, read from the selector's text: the element names and attribute
// names that the subject of each comma-separated part demands. An element
// that has none of them is skipped without running the compiled selector.
//
// Hand-written because cascadia compiles a selector into opaque matchers and
// does not expose which element names it can match; this reads only the
// leading simple selector of each part's last compound, and gives up (any
// element may match) on anything else.
type Filter struct {
	any   bool        // no condition could be read: every element is a candidate
	atoms []atom.Atom // element names known to the parser
	names []string    // other element names (custom elements), lower case
	attrs []string    // attribute names: class for .x, id for #x, k for [k...]
	// exact: every part is a bare element name or a bare class (.x), so
	// candidate is the whole match and the compiled selector need not run.
	exact   bool
	classes []string // with exact: the class names of the .x parts
}

// Candidate reports whether n may match the selector.
func (s *Filter) Candidate(n *html.Node) bool {
	if s.any {
		return true
	}
	if n.DataAtom != 0 {
		for _, a := range s.atoms {
			if a == n.DataAtom {
				return true
			}
		}
	} else {
		for _, name := range s.names {
			if name == n.Data {
				return true
			}
		}
	}
	if s.exact {
		return len(s.classes) > 0 && hasClass(n, s.classes)
	}
	for _, k := range s.attrs {
		for _, a := range n.Attr {
			if a.Key == k && a.Namespace == "" {
				return true
			}
		}
	}
	return false
}

// hasClass reports whether n's class attribute lists one of names, as the
// selector .name matches: a whole word, case-sensitive.
func hasClass(n *html.Node, names []string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" || a.Namespace != "" {
			continue
		}
		// Split by hand at the white space of HTML: strings.IndexAny
		// built its byte set anew for every word of every class.
		v := a.Val
		for start := 0; start <= len(v); {
			end := start
			for end < len(v) && !htmlSpace(v[end]) {
				end++
			}
			if w := v[start:end]; w != "" {
				for _, name := range names {
					if w == name {
						return true
					}
				}
			}
			start = end + 1
		}
	}
	return false
}

// htmlSpace reports the white space that separates the words of a class
// attribute.
func htmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// Exact reports whether Candidate is the whole match: every part of the
// selector is a bare element name or a bare class (.x), so the compiled
// selector need not run.
func (s *Filter) Exact() bool { return s.exact }

// Read reads the subjects of a selector group such as
// `h2, div.x > p, .caption, [role="navigation"]`.
func Read(sel string) Filter {
	s := Filter{exact: true}
	for _, part := range splitTop(sel, ',') {
		part = trimCSSSpace(part)
		last := lastCompound(part)
		if last != part {
			s.exact = false
		}
		switch {
		case last == "":
			return Filter{any: true}
		case last[0] == '.':
			if name := last[1:]; name != "" && strings.IndexFunc(name, func(r rune) bool { return !isNameByte(byte(r)) || r >= 0x80 }) < 0 {
				s.classes = append(s.classes, name) // a bare class: decided exactly
			} else {
				s.exact = false
			}
			s.attrs = appendOnce(s.attrs, "class")
		case last[0] == '#':
			s.exact = false
			s.attrs = appendOnce(s.attrs, "id")
		case last[0] == '[':
			s.exact = false
			k, ok := attrName(last)
			if !ok {
				return Filter{any: true}
			}
			s.attrs = appendOnce(s.attrs, k)
		case isNameStart(last[0]):
			end := 1
			for end < len(last) && isNameByte(last[end]) {
				end++
			}
			if end < len(last) && (last[end] == '|' || last[end] == '\\') {
				return Filter{any: true} // namespaces, escapes: not read here
			}
			if end < len(last) {
				s.exact = false // div.x, a[href], p:first-child
			}
			name := strings.ToLower(last[:end])
			switch a := atom.Lookup([]byte(name)); {
			case a != 0:
				s.atoms = append(s.atoms, a)
			case strings.Contains(name, "-"):
				s.names = append(s.names, name)
			default:
				return Filter{any: true} // unknown names: leave them to cascadia
			}
		default: // *, :pseudo, anything unusual
			return Filter{any: true}
		}
	}
	if len(s.atoms) == 0 && len(s.names) == 0 && len(s.attrs) == 0 {
		return Filter{any: true}
	}
	return s
}

// topLevel calls f with the index of every byte of s outside brackets,
// parentheses and quoted strings, and reports whether they all close.
func topLevel(s string, f func(i int)) bool {
	depth, quote := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case depth == 0:
			f(i)
		}
	}
	return depth == 0 && quote == 0
}

// splitTop splits s at sep outside brackets, parentheses and quotes.
func splitTop(s string, sep byte) []string {
	var parts []string
	start := 0
	topLevel(s, func(i int) {
		if s[i] == sep {
			parts = append(parts, s[start:i])
			start = i + 1
		}
	})
	return append(parts, s[start:])
}

// lastCompound returns the compound selector after the last combinator
// (space, >, +, ~) of one part, or "" when it cannot be cut cleanly.
func lastCompound(part string) string {
	start := 0
	ok := topLevel(part, func(i int) {
		switch part[i] {
		case ' ', '\t', '\n', '\r', '\f', '>', '+', '~':
			start = i + 1
		}
	})
	if !ok {
		return ""
	}
	return trimCSSSpace(part[start:])
}

func isNameStart(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '-' || c == '_'
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// attrName reads the attribute name of a compound that starts with an
// attribute selector ([k], [k=v], [k~=v], [k|=v], [k^=v], [k$=v], [k*=v]),
// lower-cased; ok is false for anything else (such as cascadia's [k!=v],
// which matches elements without k).
func attrName(compound string) (name string, ok bool) {
	rest := strings.TrimLeft(compound[1:], " \t\n\r\f")
	end := 0
	for end < len(rest) && isNameByte(rest[end]) {
		end++
	}
	name, rest = rest[:end], strings.TrimLeft(rest[end:], " \t\n\r\f")
	if name == "" || !isNameStart(name[0]) && name[0] != '_' && name[0] != '-' {
		return "", false
	}
	switch {
	case strings.HasPrefix(rest, "]"), strings.HasPrefix(rest, "="):
	case len(rest) >= 2 && rest[1] == '=' && strings.IndexByte("~|^$*", rest[0]) >= 0:
	default:
		return "", false
	}
	return strings.ToLower(name), true
}

// trimCSSSpace trims the white space of CSS (space, tab, newline, carriage
// return, form feed), not other Unicode spaces, which CSS reads as part of
// a name.
func trimCSSSpace(s string) string { return strings.Trim(s, " \t\n\r\f") }
