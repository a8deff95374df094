package linediff

import "testing"

// render writes a script as "<kind><line>" per step, for comparison.
func render(a, b []string, ops []Op) []string {
	var out []string
	for _, op := range ops {
		var line string
		if op.Kind == '+' {
			line = b[op.B]
		} else {
			line = a[op.A]
		}
		out = append(out, string(op.Kind)+line)
	}
	return out
}

func TestScript(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want []string
	}{
		{"equal", []string{"x", "y"}, []string{"x", "y"}, []string{" x", " y"}},
		{"empty a", nil, []string{"x"}, []string{"+x"}},
		{"empty b", []string{"x"}, nil, []string{"-x"}},
		{"change in middle", []string{"a", "b", "c"}, []string{"a", "B", "c"}, []string{" a", "-b", "+B", " c"}},
		{"insert and delete", []string{"a", "b", "c", "d"}, []string{"b", "c", "e", "d"}, []string{"-a", " b", " c", "+e", " d"}},
		{"tail", []string{"a", "x", "y"}, []string{"a", "z"}, []string{" a", "-x", "-y", "+z"}},
	}
	for _, tt := range tests {
		got := render(tt.a, tt.b, Script(tt.a, tt.b))
		if len(got) != len(tt.want) {
			t.Errorf("%s: Script = %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: Script = %q, want %q", tt.name, got, tt.want)
				break
			}
		}
	}
}
