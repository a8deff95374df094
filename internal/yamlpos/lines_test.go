package yamlpos

import "testing"

func TestLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 1},
		{"a: 1", 1},
		{"a: 1\nb: 2\n", 3},
		{"a\r\nb", 2},
		{"a\rb\u0085c\u2028d\u2029e", 5},
	} {
		if got := Lines([]byte(c.in)); got != c.want {
			t.Errorf("Lines(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
