package engine

import (
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/glyph"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// strip cuts r's pattern and glyph runs out of text and returns what is
// left, collapsed; text itself when nothing was cut.
func (run *textRun) strip(r *Rule, text string) string {
	orig := text
	if r.Params.Strip.Pattern != nil {
		// Most blocks hold no match: tell cheaply before ReplaceAllString,
		// which copies the text even then.
		if t := r.Params.Strip.Hint.Window(text); r.Params.Strip.Hint.May(t) && r.Params.Strip.Pattern.MatchString(t) {
			text = text[:len(text)-len(t)] + r.Params.Strip.Pattern.ReplaceAllString(t, "")
		}
	}
	if r.Params.Strip.Glyphs != GlyphsNone {
		run.keepScriptSrc()
		// A glyph is never ASCII: a text that begins (ends) in ASCII has
		// no glyph run there to strip.
		if (r.Params.Strip.Glyphs == GlyphsLeading || r.Params.Strip.Glyphs == GlyphsBoth) && text != "" && text[0] >= utf8.RuneSelf {
			text = text[run.pageScripts().Leading(text):]
		}
		if (r.Params.Strip.Glyphs == GlyphsTrailing || r.Params.Strip.Glyphs == GlyphsBoth) && text != "" && text[len(text)-1] >= utf8.RuneSelf {
			text = text[:len(text)-run.pageScripts().Trailing(text)]
		}
	}
	if text == orig {
		return orig
	}
	return strings.TrimSpace(textnorm.Collapse(text))
}

// keepScriptSrc keeps the blocks' texts at the pass's first glyph rule, the
// page the scripts are computed from if asked for.
func (run *textRun) keepScriptSrc() {
	if run.glyphs.at {
		return
	}
	run.glyphs.src = run.glyphs.src[:0]
	for _, b := range run.blocks {
		run.glyphs.src = append(run.glyphs.src, b.Text)
	}
	run.glyphs.at = true
}

// pageScripts returns the scripts of the page as it was at the pass's first
// glyph rule.
func (run *textRun) pageScripts() glyph.Scripts {
	if run.glyphs.scripts == nil {
		run.glyphs.scripts = glyph.PageScripts(run.glyphs.src)
	}
	return run.glyphs.scripts
}

// pageGlyphs are the page's scripts, as the glyph rules of one pass see them.
type pageGlyphs struct {
	scripts glyph.Scripts // computed from src on first use
	// src holds the blocks' texts as they were at the pass's first glyph
	// rule, which the scripts are computed from: most blocks begin and end
	// in ASCII, which is never a glyph, and need no scripts.
	src []string
	at  bool // src is this pass's
}
