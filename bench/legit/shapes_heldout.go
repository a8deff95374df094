package legit

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The held-out half's shapes: markup the tuning half never shows.

// encyclopedia: an entry with an infobox, sections and a reference list.
func encyclopedia(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	w.raw("<div id=\"mw-page\"><div id=\"content\" class=\"mw-body\">")
	w.block("<h1 id=\"firstHeading\">", p.h1, "</h1>")
	w.raw("<div id=\"bodyContent\"><table class=\"infobox\"><caption>%s</caption>", esc(p.brand))
	for _, kv := range [][2]string{{p.labels.date, fmt.Sprint(p.year - 20 - r.IntN(60))}, {"Web", p.refHost}} {
		w.raw("<tr><th>%s</th><td>%s</td></tr>", esc(kv[0]), esc(kv[1]))
	}
	w.raw("</table>")
	for i, para := range p.paras {
		if i > 0 && i%2 == 1 && i/2 < len(p.heads) {
			w.raw("<h2><span class=\"mw-headline\">%s</span><span class=\"mw-editsection\">[edit]</span></h2>", esc(p.heads[i/2]))
			w.blocks = append(w.blocks, p.heads[i/2])
		}
		w.raw("<p>%s<sup class=\"reference\"><a href=\"#cite-%d\">[%d]</a></sup></p>", esc(para), i+1, i+1)
		w.blocks = append(w.blocks, para)
	}
	w.raw("<h2>References</h2><ol class=\"references\">")
	for i := range p.paras {
		w.raw("<li id=\"cite-%d\"><a href=\"https://%s/archive/%d\">%s</a> (%d)</li>", i+1, p.refHost, 100+i, esc(p.refHost), p.year)
	}
	w.raw("</ol></div></div><div id=\"mw-navigation\"><a href=\"/wiki/Main\">%s</a></div></div></body></html>", esc(p.labels.home))
	return w.done()
}

// qa: a question and its answers, with vote counts, in sections.
func qa(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	w.raw("<div class=\"topbar\"><a href=\"/questions\">%s</a></div><div id=\"question-header\">", esc(p.labels.home))
	w.block("<h1 itemprop=\"name\">", p.h1, "</h1>")
	w.raw("</div><div class=\"question\" itemscope itemtype=\"https://schema.org/Question\"><div class=\"votecell\">%d</div><div class=\"s-prose\" itemprop=\"text\">", r.IntN(40))
	w.block("<p>", p.paras[0], "</p>")
	w.raw("</div></div><div id=\"answers\">")
	for i, para := range p.paras[1:] {
		w.raw("<div class=\"answer\" id=\"answer-%d\"><div class=\"votecell\">%d</div><div class=\"s-prose\">", 5000+i, r.IntN(25)-3)
		w.block("<p>", para, "</p>")
		w.raw("</div><div class=\"user-info\">%s <span class=\"relativetime\">%s</span></div></div>", esc(p.labels.posted), p.isoDate())
	}
	w.raw("</div>")
	related(&w, p, "div")
	w.raw("</body></html>")
	return w.done()
}

// press: a press release with a dateline, key points as a list and a
// media contact box.
func press(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	w.raw("<div class=\"wrapper\"><div class=\"pr-header\"><span class=\"label\">Press</span></div><section class=\"release\">")
	w.block("<h1 class=\"pr-title\">", p.h1, "</h1>")
	w.raw("<div class=\"pr-date\">%s</div>", p.isoDate())
	w.block("<p><strong>"+strings.ToUpper(p.site)+"</strong> — ", p.paras[0], "</p>")
	w.blocks[len(w.blocks)-1] = strings.ToUpper(p.site) + " — " + p.paras[0]
	if len(p.heads) > 0 {
		w.raw("<ul class=\"key-points\">")
		for _, h := range p.heads {
			w.block("<li>", h, "</li>")
		}
		w.raw("</ul>")
	}
	for i, para := range p.paras[1:] {
		if i == 0 {
			w.linked("<p>", para, "</p>", p.brand, "https://"+p.refHost+"/register")
			continue
		}
		w.block("<p>", para, "</p>")
	}
	w.raw("<div class=\"media-contact\"><h4>Media</h4><p>press@%s</p></div></section></div></body></html>", p.host)
	return w.done()
}

// odds: an odds board (a grid of divs, not a table) between the story's
// paragraphs.
func odds(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	nav(&w, p, "navbar")
	w.raw("<main role=\"main\"><div class=\"article-wrap\">")
	w.block("<h1 class=\"title\">", p.h1, "</h1>")
	w.block("<p class=\"standfirst\">", p.paras[0], "</p>")
	w.raw("<div class=\"odds-grid\" role=\"table\">")
	for range 3 + r.IntN(4) {
		t := r.Perm(len(p.teams))
		o := []string{price(r), price(r), price(r)}
		row := fmt.Sprintf("%s – %s", p.teams[t[0]], p.teams[t[1]])
		w.raw("<div class=\"odds-row\" role=\"row\"><span class=\"match\">%s</span>", esc(row))
		for _, x := range o {
			w.raw(" <span class=\"price\">%s</span>", x)
		}
		w.raw("</div>")
		w.blocks = append(w.blocks, row+" "+strings.Join(o, " "))
	}
	w.raw("</div>")
	for i, para := range p.paras[1:] {
		if i == 1 && len(p.heads) > 0 {
			w.block("<h2 class=\"subhead\">", p.heads[0], "</h2>")
		}
		w.block("<p>", para, "</p>")
	}
	w.raw("</div></main>")
	footer(&w, p)
	return w.done()
}

func price(r *rand.Rand) string { return fmt.Sprintf("%d.%02d", 1+r.IntN(6), r.IntN(100)) }

// review: a rated review with pros and cons lists.
func review(r *rand.Rand, p *parts) (string, []string) {
	var w writer
	head(&w, p)
	w.raw("<div class=\"site\"><header class=\"masthead\">%s</header><article class=\"review\">", esc(p.site))
	w.block("<h1>", p.h1, "</h1>")
	w.raw("<div class=\"rating\" aria-label=\"rating\">%d/10</div>", 4+r.IntN(6))
	half := len(p.heads) / 2
	for i, list := range [][]string{p.heads[:half], p.heads[half:]} {
		if len(list) == 0 {
			continue
		}
		w.raw("<div class=\"%s\"><ul>", []string{"pros", "cons"}[i])
		for _, h := range list {
			w.block("<li>", h, "</li>")
		}
		w.raw("</ul></div>")
	}
	for _, para := range p.paras {
		w.block("<p>", para, "</p>")
	}
	w.raw("<div class=\"verdict-box\"><span>%s</span></div></article></div></body></html>", esc(p.labels.by+" "+p.site))
	return w.done()
}
