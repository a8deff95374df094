package cssvis_test

import (
	"testing"

	"github.com/winnowhq/winnow/internal/cssvis"
	"github.com/winnowhq/winnow/internal/domtext"
)

// TestUnseen: what no reader sees, against what a script, a state or a
// screen reader shows, or what only moves within its box.
func TestUnseen(t *testing.T) {
	for style, want := range map[string]bool{
		"color:#fff;background-color:#ffffff":                 true,
		"color:transparent":                                   true,
		"-webkit-text-fill-color:transparent":                 true,
		"font-size:1px":                                       true,
		"font-size:0.05em":                                    true,
		"transform:scale(0)":                                  true,
		"zoom:0":                                              true,
		"content-visibility:hidden":                           true,
		"position:absolute;left:-700px":                       true,
		"position:absolute;left:12000px":                      true,
		"text-indent:100%;white-space:nowrap;overflow:hidden": true,
		"line-height:0;overflow:hidden":                       true,
		"clip:rect(5px 5px 5px 5px);position:absolute":        false, // clipped: a screen reader's text
		"opacity:0":                                           false,
		"transform:translateX(-9999px)":                       false,
		"width:900%;left:-100%":                               false,
		"color:inherit;background-color:inherit":              false,
		"color:white;background:rgba(255,255,255,0.2)":        false,
		"text-indent:-9999px;background-color:#e0baa3":        false,
		"width:1px;height:1px;overflow:hidden":                false,
		"position:relative;left:12000px":                      false,
		"color:transparent;-webkit-background-clip:text":      false,
		"font-size:12px;color:#333":                           false,
	} {
		if got := cssvis.Unseen(domtext.ParseStyle(style)); got != want {
			t.Errorf("Unseen(%q) = %v, want %v (Why %q)", style, got, want, cssvis.Why(domtext.ParseStyle(style)))
		}
	}
}

func TestEmptyRect(t *testing.T) {
	for v, want := range map[string]bool{"rect(5px,5px,5px,5px)": true, "rect(0,10px,0,0)": true, "rect(0,10px,10px,0)": false, "auto": false} {
		if got := cssvis.EmptyRectForTest(v); got != want {
			t.Errorf("emptyRect(%q) = %v", v, got)
		}
	}
}

// TestMore: boxes rendered to no pixel by a quarter turn, a mask of
// nothing, a scale too small to read or a clip shape of no area, against
// the same properties where they show the box.
func TestMore(t *testing.T) {
	for style, want := range map[string]string{
		"transform:rotateX(90deg)":                 "transform:scale(0)",
		"transform:translateZ(0) rotateY(-270deg)": "transform:scale(0)",
		"transform:rotate3d(1,0,0,0.25turn)":       "transform:scale(0)",
		"rotate:y 90deg":                           "transform:scale(0)",
		"transform:scale(0.01)":                    "transform:scale(0)",
		"zoom:1%":                                  "transform:scale(0)",
		"scale:0.02":                               "transform:scale(0)",
		"mask-image:linear-gradient(transparent,transparent)":      "masked",
		"-webkit-mask-image:linear-gradient(to right,#0000,#0000)": "masked",
		"mask-size:0":                                   "masked",
		"clip-path:polygon(0 0,0 0,0 0)":                "clipped",
		"clip-path:ellipse(0 0 at 50% 50%)":             "clipped",
		"clip-path:inset(0 50%)":                        "clipped",
		"transform:rotateX(45deg)":                      "",
		"transform:rotate(90deg)":                       "",
		"transform:rotate3d(0,0,1,90deg)":               "",
		"transform:scale(0.5)":                          "",
		"zoom:0.8":                                      "",
		"mask-image:linear-gradient(black,transparent)": "",
		"-webkit-mask-image:linear-gradient(to bottom,#000 60%,transparent)": "",
		"clip-path:polygon(0 0,100% 0,100% 100%)":                            "",
		"clip-path:inset(10% 20%)":                                           "",
		"clip-path:circle(40%)":                                              "",
	} {
		if got := cssvis.Why(domtext.ParseStyle(style)); got != want {
			t.Errorf("Why(%q) = %q, want %q", style, got, want)
		}
	}
}
