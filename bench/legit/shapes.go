package legit

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/winnowhq/winnow/bench/half"
)

// shapesOf returns the page shapes of half h: article, forum thread, FAQ
// and results table for tuning; encyclopaedia entry, question-and-answer
// thread, press release, odds board and review for the held-out half.
func shapesOf(h half.Half) []shape {
	if h == half.HeldOut {
		return []shape{{"encyclopedia", encyclopedia}, {"qa", qa}, {"press", press}, {"odds", odds}, {"review", review}}
	}
	return []shape{{"article", article}, {"forum", forum}, {"faq", faq}, {"results", results}}
}

// writer writes a page and records its legitimate blocks.
type writer struct {
	b      strings.Builder
	blocks []string
}

func (w *writer) raw(format string, a ...any) { fmt.Fprintf(&w.b, format, a...) }

// block writes text, escaped, between open and close, and records it.
func (w *writer) block(open, text, close string) {
	w.b.WriteString(open)
	w.b.WriteString(esc(text))
	w.b.WriteString(close)
	w.blocks = append(w.blocks, text)
}

// linked is block with the brand's first occurrence in text, or else its
// last three words, made a link to href (an editorial citation).
func (w *writer) linked(open, text, close, brand, href string) {
	i := strings.Index(text, brand)
	n := len(brand)
	if i < 0 || brand == "" {
		f := strings.Fields(text)
		if len(f) < 4 {
			w.block(open, text, close)
			return
		}
		tail := strings.Join(f[len(f)-3:], " ")
		i, n = strings.LastIndex(text, tail), len(tail)
	}
	w.b.WriteString(open)
	fmt.Fprintf(&w.b, "%s<a href=\"%s\">%s</a>%s", esc(text[:i]), href, esc(text[i:i+n]), esc(text[i+n:]))
	w.b.WriteString(close)
	w.blocks = append(w.blocks, text)
}

func (w *writer) done() (string, []string) { return w.b.String(), w.blocks }

// head writes the document head and opens the body.
func head(w *writer, p *parts) {
	w.raw("<!doctype html><html lang=%q><head><meta charset=\"utf-8\"><title>%s | %s</title>", p.lang, esc(p.h1), esc(p.site))
	w.raw("<meta name=\"description\" content=\"%s\"></head><body>", esc(firstSentence(p.paras[0])))
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

func (p *parts) isoDate() string { return fmt.Sprintf("%d-%02d-%02d", p.year, p.mon, p.day) }

// nav is a site menu of the page's sections.
func nav(w *writer, p *parts, class string) {
	w.raw("<nav class=%q><a href=\"/\">%s</a>", class, esc(p.labels.home))
	for _, s := range []string{"news", "sport", "business", "health", "opinion"} {
		w.raw(" <a href=\"/%s/\">%s</a>", s, strings.ToUpper(s[:1])+s[1:])
	}
	w.raw("</nav>")
}

// related is a short list of same-site links under the language's label.
func related(w *writer, p *parts, tag string) {
	w.raw("<%s class=\"related\"><h3>%s</h3><ul>", tag, esc(p.labels.related))
	for i := range 3 {
		h := p.heads[i%len(p.heads)]
		w.raw("<li><a href=\"/%s-%d\">%s</a></li>", slugOf(h), i, esc(h))
	}
	w.raw("</ul></%s>", tag)
}

func footer(w *writer, p *parts) {
	w.raw("<footer><p>© %d %s</p><a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact</a></footer></body></html>", p.year, esc(p.site))
}

// article: a news story with a byline, subheadings, a citation link and
// a related box.
func article(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	w.raw("<header><a class=\"logo\" href=\"/\">%s</a>", esc(p.site))
	nav(&w, p, "main-nav")
	w.raw("</header><main><article class=\"story\">")
	w.block("<h1 class=\"headline\">", p.h1, "</h1>")
	w.raw("<p class=\"byline\">%s %s · <time datetime=\"%s\">%s</time></p><div class=\"story-body\">", esc(p.labels.by), esc(p.site), p.isoDate(), p.isoDate())
	for i, para := range p.paras {
		if i > 0 && i%2 == 0 && i/2-1 < len(p.heads) {
			w.block("<h2>", p.heads[i/2-1], "</h2>")
		}
		if i == 1 {
			w.linked("<p>", para, "</p>", p.brand, "https://"+p.refHost+"/")
			continue
		}
		w.block("<p>", para, "</p>")
	}
	w.raw("</div></article>")
	related(&w, p, "aside")
	w.raw("</main>")
	footer(&w, p)
	return w.done()
}

// forum: a thread, one post per paragraph, each under a user and a date.
func forum(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	nav(&w, p, "forum-nav")
	w.raw("<div id=\"thread\">")
	w.block("<h1 class=\"thread-title\">", p.h1, "</h1>")
	for i, para := range p.paras {
		user := fmt.Sprintf("%s%d", []string{"quietriver", "member", "hopeful", "day_by_day", "oldtimer"}[r.IntN(5)], 10+r.IntN(980))
		w.raw("<div class=\"post\" id=\"p%d\"><div class=\"post-meta\"><span class=\"user\">%s</span> %s %02d.%02d.%d</div><div class=\"post-body\">", i+1, user, esc(p.labels.posted), p.day, p.mon, p.year)
		w.block("<p>", para, "</p>")
		w.raw("</div><div class=\"post-actions\"><a href=\"#reply\">↩</a></div></div>")
	}
	w.raw("</div>")
	footer(&w, p)
	return w.done()
}

// faq: an introduction, then each subheading as a question with a
// paragraph as its answer.
func faq(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	nav(&w, p, "site-nav")
	w.raw("<main class=\"faq-page\">")
	w.block("<h1>", p.h1, "</h1>")
	w.block("<p class=\"intro\">", p.paras[0], "</p>")
	rest := p.paras[1:]
	for i, h := range p.heads {
		if i >= len(rest) {
			break
		}
		w.raw("<section class=\"faq-item\">")
		w.block("<h3 class=\"question\">", h, "</h3>")
		w.block("<div class=\"answer\"><p>", rest[i], "</p></div>")
		w.raw("</section>")
	}
	for _, para := range rest[min(len(p.heads), len(rest)):] {
		w.block("<p>", para, "</p>")
	}
	w.raw("</main>")
	footer(&w, p)
	return w.done()
}

// results: a table of draws (numbers) or match results before the story.
func results(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	nav(&w, p, "top-nav")
	w.raw("<div class=\"content\">")
	w.block("<h1>", p.h1, "</h1>")
	w.block("<p class=\"lead\">", p.paras[0], "</p>")
	w.raw("<table class=\"results\"><thead><tr><th>#</th><th>%s</th><th>%s</th></tr></thead><tbody>", esc(p.labels.date), esc(p.labels.result))
	draws := r.IntN(2) == 0
	for k := range 4 + r.IntN(5) {
		no := fmt.Sprint(1200 + r.IntN(800) + k)
		date := fmt.Sprintf("%02d.%02d.%d", 1+(p.day+k*3)%28, p.mon, p.year)
		var res string
		if draws {
			var nums []string
			for _, n := range r.Perm(49)[:6] {
				nums = append(nums, fmt.Sprintf("%02d", n+1))
			}
			res = strings.Join(nums, " ")
		} else {
			t := r.Perm(len(p.teams))
			res = fmt.Sprintf("%s %d–%d %s", p.teams[t[0]], r.IntN(5), r.IntN(4), p.teams[t[1]])
		}
		w.raw("<tr><td>%s</td><td>%s</td><td>%s</td></tr>", no, date, esc(res))
		w.blocks = append(w.blocks, no+" "+date+" "+res)
	}
	w.raw("</tbody></table>")
	for _, para := range p.paras[1:] {
		w.block("<p>", para, "</p>")
	}
	w.raw("</div>")
	related(&w, p, "div")
	footer(&w, p)
	return w.done()
}
