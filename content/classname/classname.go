// Package classname reads what an element's class or id names it, by the
// names the common stylesheets, plugins and design systems give: a cookie
// banner, text for screen readers only, a comment thread, a legal notice,
// customer reviews, a utility class that hides, a modal's backdrop. Each
// test takes the attribute's value (lower-cased where it says so).
package classname

import "strings"

// Consent reports whether a class or id, lower-cased, names a cookie or
// consent banner.
func Consent(v string) bool {
	return strings.Contains(v, "cookie") || strings.Contains(v, "consent") || strings.Contains(v, "gdpr")
}

// ScreenReader reports whether a class, lower-cased, names text shown only
// to screen readers, by the names the common stylesheets give it (sr-only,
// visually-hidden, screen-reader-text): a label that repeats what the page
// shows ("Price $79.00" beside "$79.00"), or tells where a link opens.
func ScreenReader(v string) bool {
	// Every name below holds one of these: most classes hold none, and
	// are not split into words (content.Furniture.Is asks this of every element).
	if !strings.Contains(v, "sr-only") && !strings.Contains(v, "visually") && !strings.Contains(v, "screen-reader") &&
		!strings.Contains(v, "a11y") && !strings.Contains(v, "vh") {
		return false
	}
	for f := range strings.FieldsSeq(v) {
		switch f {
		case "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "sr-only-focusable", "a11y-hidden", "u-visually-hidden", "is-visually-hidden", "vh":
			return f != "sr-only-focusable"
		}
	}
	return false
}

// Comments reports whether a class or id, lower-cased, names a comment
// thread (or its form): "comments", "comment-list", "commentlist",
// "disqus_thread", "respond". A single comment's class ("comment-body") is
// left alone: the
// thread holding it is what goes.
func Comments(v string) bool {
	// As in ScreenReader: only a class holding one of these is split.
	if !strings.Contains(v, "comment") && !strings.Contains(v, "disqus") && !strings.Contains(v, "respond") {
		return false
	}
	for f := range strings.FieldsSeq(v) {
		switch {
		case strings.HasPrefix(f, "comments"), strings.HasPrefix(f, "commentlist"), strings.HasPrefix(f, "comment-list"),
			strings.HasPrefix(f, "disqus"), f == "respond":
			return true
		}
	}
	return false
}

// Legal reports whether a class or id, lower-cased, names a legal notice
// or a disclaimer: one of its words, split at hyphens and underscores, is
// "legal" or "disclaimer(s)" ("game_area_legal", "common-bottom-disclaimer",
// "legal-text"), not a word holding it ("legalshipping").
func Legal(v string) bool {
	if !strings.Contains(v, "legal") && !strings.Contains(v, "disclaimer") { // as in ScreenReader
		return false
	}
	for f := range strings.FieldsSeq(v) {
		for p := range strings.FieldsFuncSeq(f, func(r rune) bool { return r == '-' || r == '_' }) {
			if p == "legal" || p == "disclaimer" || p == "disclaimers" {
				return true
			}
		}
	}
	return false
}

// Reviews reports whether a class or id, lower-cased, names customer
// reviews: "reviews", "product-reviews", "review-list", "yotpo-reviews".
// Reviews that a word before them names as written by editors, critics
// or the press ("editorial-reviews", "criticreviews") are
// not customers': they are the publisher's or the shop's presentation of
// the product (a book's blurbs, a game's press quotes), part of its text.
func Reviews(v string) bool {
	if !strings.Contains(v, "review") { // as in ScreenReader
		return false
	}
	for f := range strings.FieldsSeq(v) {
		if i := strings.Index(f, "reviews"); i >= 0 && !professional(f[:i]) || strings.HasPrefix(f, "review-list") {
			return true
		}
	}
	return false
}

// professionalReviewers are the words that, before "reviews" in a class
// or id, say who wrote them when it was not the shop's customers.
var professionalReviewers = []string{"editorial", "editor", "editors", "critic", "critics", "press", "expert", "experts", "professional"}

// professional reports whether the part of a class or id before its
// "reviews" (lower-cased) ends with a word of professionalReviewers.
func professional(before string) bool {
	before = strings.TrimRight(before, "-_")
	for _, w := range professionalReviewers {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// UtilityHidden reports whether a class names the utility classes that
// the common stylesheets hide an element by (display: none): "hidden" and
// its kin, and a short namespace's ("xy-hidden"), as a design system
// prefixes its utilities. Longer names ending in "-hidden" hide at some
// breakpoint or state only ("no-js-hidden", "slide--hidden") or clip
// ("overflow-hidden"). The namespaced class: WCXB dev product 0.7385 ->
// 0.7394 (3 pages better: hidden error and feedback messages, a buy
// box's data), forum unchanged.
func UtilityHidden(v string) bool {
	for f := range strings.FieldsSeq(v) {
		switch f {
		case "hide", "hidden", "d-none", "is-hidden", "u-hidden", "display-none":
			return true
		}
		if ns, ok := strings.CutSuffix(f, "-hidden"); ok && len(ns) <= 3 && ns != "" && !strings.ContainsAny(ns, "-_:") {
			return true
		}
	}
	return false
}

// Overlay reports whether a class names an element fixed over the whole
// viewport by a utility stylesheet ("fixed inset-0"): a modal's or a
// drawer's backdrop, shown over the page when a control opens it (a
// sign-up for a restock, a size guide's form). WCXB dev: product +0.0015,
// service +0.0004 (one page each: +0.141, +0.072), other types unchanged.
func Overlay(v string) bool {
	fixed, inset := false, false
	for f := range strings.FieldsSeq(v) {
		switch f {
		case "fixed":
			fixed = true
		case "inset-0":
			inset = true
		}
	}
	return fixed && inset
}
