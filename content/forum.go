package content

import (
	"slices"
	"strings"
)

// signature reports whether a class or id, lower-cased, names a post's
// signature or a Q&A answer's poster card ("signature", "message-signature",
// "post-signature", "signaturecontainer"): what a poster shows under every
// post of a thread, not the post.
func signature(v string) bool {
	return strings.Contains(v, "signature")
}

// trimThread is trim on a forum page: the smaller candidate must still
// hold readability's pick when the wrapper holds it. On a Q&A page the
// answers' container holds nine tenths of the prose; the question, which
// readability picks, sits beside it.
func trimThread(cands []Candidate, w int) int {
	t := trim(cands, w)
	if t == w {
		return w
	}
	r := slices.IndexFunc(cands, func(c Candidate) bool { return c.Name == "readability" })
	if r >= 0 && holds(cands[w], cands[r]) && !holds(cands[t], cands[r]) {
		return w
	}
	return t
}
