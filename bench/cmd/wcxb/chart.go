package main

import (
	"fmt"
	"html"
	"strings"

	"github.com/winnowhq/winnow/bench"
)

// chart draws the mean F1 of every system, overall and per page type, as a
// grouped bar chart in SVG. Hand-drawn: a chart library would be a large
// dependency for a dozen rectangles.
func chart(pages []bench.WCXBPage, results []result) string {
	groups := append([]string{""}, types(pages)...)
	colors := []string{"#1b7837", "#7570b3", "#d95f02", "#e7298a", "#66a61e", "#e6ab02"}
	const (
		left, top, bottom = 50.0, 40.0, 60.0
		plotH             = 260.0
		barW, gap         = 14.0, 18.0
	)
	groupW := float64(len(results))*barW + gap
	width := left + float64(len(groups))*groupW + 20
	height := top + plotH + bottom
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="16" font-size="13" font-weight="bold">WCXB dev (%d pages): mean word F1 by page type</text>`+"\n", left, len(pages))
	y := func(v float64) float64 { return top + plotH*(1-v) }
	for v := 0.0; v <= 1.0001; v += 0.2 {
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`+"\n", left, y(v), width-20, y(v))
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%.1f</text>`+"\n", left-6, y(v)+4, v)
	}
	for g, typ := range groups {
		x0 := left + float64(g)*groupW + gap/2
		for i, r := range results {
			v := meanF1(pages, r, typ)
			x := x0 + float64(i)*barW
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %.3f</title></rect>`+"\n",
				x, y(v), barW-2, plotH*v, colors[i%len(colors)], html.EscapeString(r.name), label(typ), v)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle">%s</text>`+"\n", x0+float64(len(results))*barW/2, top+plotH+16, label(typ))
	}
	lx := left
	for i, r := range results {
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="10" height="10" fill="%s"/><text x="%.0f" y="%.0f">%s</text>`+"\n",
			lx, height-22, colors[i%len(colors)], lx+14, height-13, html.EscapeString(r.name))
		lx += 20 + 7*float64(len(r.name))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func label(typ string) string {
	if typ == "" {
		return "all"
	}
	return typ
}
