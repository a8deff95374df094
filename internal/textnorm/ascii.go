package textnorm

import "unicode/utf8"

// The label tests of metadata (byline.Label, byline.DateLabel) run on every
// short text of the page and compare its lower-cased start with a few
// dozen words. On ASCII text they compare byte by byte, lower-casing as they go, instead of building
// the lower-cased string: that allocated for most texts, which start with a
// capital. Non-ASCII text still goes through strings.ToLower, whose Unicode
// mappings can change its length.

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
// with p.
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
