package cssvis

import (
	"strconv"
	"strings"
)

// more says how declarations d hide an element in the ways Why's first
// cases do not read, or "": a box turned edge-on to the reader
// (rotateX(90deg), rotate: y 90deg), a mask that lets nothing through
// (a gradient of transparent stops, mask-size:0), a scale or zoom too
// small to read (scale(0.01), zoom:1%), a clip-path shape of no area
// (polygon of one point, ellipse(0 0), inset(50% ...) on an axis). Each is
// a way a browser renders the box and its text to no pixel at all; none is
// a way pages animate or toggle content they show (those end at scale 1,
// rotation 0, an opaque mask).
func more(d map[string]string) string {
	switch {
	case edgeOn(d["transform"]) || edgeOnRotate(d["rotate"]):
		return "transform:scale(0)"
	case tinyScale(d["transform"]) || tinyFactor(d["scale"]) || tinyFactor(d["zoom"]):
		return "transform:scale(0)"
	case masked(d["mask-image"]) || masked(d["-webkit-mask-image"]) || masked(d["mask"]) || masked(d["-webkit-mask"]) ||
		zeroArgs(d["mask-size"]) || zeroArgs(d["-webkit-mask-size"]):
		return "masked"
	case emptyShape(d["clip-path"]):
		return "clipped"
	}
	return ""
}

// edgeOn reports a transform that turns the box a quarter turn about the
// X or Y axis, so the reader sees its edge: rotateX(90deg),
// rotateY(-90deg), rotate3d(1,0,0,90deg), rotateX(0.25turn).
func edgeOn(v string) bool {
	if !strings.Contains(v, "rotate") {
		return false
	}
	for _, fn := range []string{"rotatex(", "rotatey(", "rotate3d("} {
		i := strings.Index(v, fn)
		if i < 0 {
			continue
		}
		args := v[i+len(fn):]
		j := strings.IndexByte(args, ')')
		if j < 0 {
			continue
		}
		parts := strings.Split(args[:j], ",")
		angle := parts[len(parts)-1]
		if fn == "rotate3d(" {
			// rotate3d(x,y,z,a): about an axis in the screen's plane.
			if len(parts) != 4 || strings.TrimSpace(parts[2]) != "0" {
				continue
			}
		}
		if quarterTurn(angle) {
			return true
		}
	}
	return false
}

// edgeOnRotate reports the rotate property turning the box a quarter turn
// about the x or y axis ("x 90deg", "0 1 0 90deg").
func edgeOnRotate(v string) bool {
	f := strings.Fields(v)
	switch {
	case len(f) == 2 && (f[0] == "x" || f[0] == "y"):
		return quarterTurn(f[1])
	case len(f) == 4 && f[2] == "0":
		return quarterTurn(f[3])
	}
	return false
}

// quarterTurn reports an angle of an odd number of quarter turns (90deg,
// -90deg, 270deg, 0.25turn, 100grad, 1.5708rad).
func quarterTurn(a string) bool {
	a = strings.TrimSpace(a)
	unit := strings.TrimLeft(a, "+-0123456789.")
	f, err := strconv.ParseFloat(strings.TrimSuffix(a, unit), 64)
	if err != nil {
		return false
	}
	switch unit {
	case "deg":
	case "turn":
		f *= 360
	case "grad":
		f *= 0.9
	case "rad":
		f *= 180 / 3.141592653589793
	default:
		return false
	}
	if f < 0 {
		f = -f
	}
	r := f - 180*float64(int(f/180))
	return r > 89.5 && r < 90.5
}

// tinyScale reports a transform scale()/scaleX()/scaleY() whose factors
// include one under 0.05 (a box shrunk to a dot or a line).
func tinyScale(v string) bool {
	for _, fn := range []string{"scale(", "scalex(", "scaley(", "scale3d("} {
		i := strings.Index(v, fn)
		if i < 0 {
			continue
		}
		if i > 0 && v[i-1] != ' ' {
			continue
		}
		args := v[i+len(fn):]
		j := strings.IndexByte(args, ')')
		if j < 0 {
			continue
		}
		for _, a := range strings.FieldsFunc(args[:j], func(r rune) bool { return r == ',' || r == ' ' }) {
			if below(a, 0.05) {
				return true
			}
		}
	}
	return false
}

// tinyFactor reports a scale or zoom value whose factors include one
// under 0.05 ("0.01", "1%", "0.02 1").
func tinyFactor(v string) bool {
	for _, a := range strings.Fields(v) {
		if below(a, 0.05) {
			return true
		}
	}
	return false
}

// masked reports a mask image that lets nothing through: a gradient all
// of whose colours are transparent.
func masked(v string) bool {
	i := strings.Index(v, "gradient(")
	if i < 0 {
		return false
	}
	args := v[i+len("gradient("):]
	if j := strings.LastIndexByte(args, ')'); j >= 0 {
		args = args[:j]
	}
	colours := 0
	for _, part := range splitTop(args) {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		c := f[0]
		switch {
		case c == "transparent" || zeroAlpha(c):
			colours++
		case strings.HasPrefix(c, "to") || strings.HasSuffix(c, "deg") || strings.HasPrefix(c, "circle") || strings.HasPrefix(c, "ellipse") ||
			strings.HasPrefix(c, "at") || strings.HasSuffix(c, "turn") || strings.HasSuffix(c, "%") || strings.HasSuffix(c, "px"):
			// a direction, a shape or a bare position
		default:
			return false // a colour that lets the box show
		}
	}
	return colours >= 2
}

// splitTop splits a function's arguments at the commas outside nested
// parentheses.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// emptyShape reports a clip-path shape of no area beyond the forms
// clipped reads: a polygon whose points all coincide, a circle or
// ellipse of radius 0, an inset that meets itself on an axis
// (inset(0 50%), inset(100% 0 0)).
func emptyShape(v string) bool {
	open := strings.IndexByte(v, '(')
	if open < 0 || !strings.HasSuffix(v, ")") {
		return false
	}
	fn, args := v[:open], v[open+1:len(v)-1]
	switch fn {
	case "polygon":
		pts := strings.Split(args, ",")
		if len(pts) < 1 {
			return false
		}
		first := strings.Join(strings.Fields(pts[0]), " ")
		for _, p := range pts[1:] {
			if strings.Join(strings.Fields(p), " ") != first {
				return false
			}
		}
		return true
	case "circle", "ellipse":
		r, _, _ := strings.Cut(args, " at ")
		f := strings.Fields(r)
		return len(f) > 0 && zero(f[0])
	case "inset":
		r, _, _ := strings.Cut(args, " round ")
		f := strings.Fields(r)
		if len(f) == 0 {
			return false
		}
		// top right bottom left, as margins take them.
		top, right := f[0], f[0]
		bottom, left := f[0], f[0]
		switch len(f) {
		case 2:
			right, left = f[1], f[1]
		case 3:
			right, left, bottom = f[1], f[1], f[2]
		case 4:
			right, bottom, left = f[1], f[2], f[3]
		}
		return pctSum(top, bottom) || pctSum(left, right)
	}
	return false
}

// pctSum reports two percentages that add up to 100% or more.
func pctSum(a, b string) bool {
	if !strings.HasSuffix(a, "%") || !strings.HasSuffix(b, "%") {
		return false
	}
	x, err1 := strconv.ParseFloat(strings.TrimSuffix(a, "%"), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSuffix(b, "%"), 64)
	return err1 == nil && err2 == nil && x+y >= 100
}
