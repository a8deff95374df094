package textnorm

import "unicode/utf8"

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LowerHasPrefix reports, for ASCII s, whether strings.ToLower(s) starts
// with p, comparing byte by byte instead of building the lower-cased string
// (label tests run on every short text of a page, most of which start with
// a capital). Text that is not ASCII goes through strings.ToLower, whose
// Unicode mappings can change its length.
func LowerHasPrefix(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// Blank reports whether s is HTML white space only (space, tab, line feed,
// carriage return, form feed): as strings.Trim of those giving "", without
// building the cut set for every text node.
func Blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}
