package yamlpos

import "testing"

func TestRoot(t *testing.T) {
	tests := []struct {
		name, data, want string // want: the error, or "" for a root
	}{
		{"mapping", "a: 1\n", ""},
		{"empty", "", "f.yaml: empty vocabulary file"},
		{"comments only", "# nothing here\n", "f.yaml: empty vocabulary file"},
		{"syntax", "a: [1\n", "f.yaml:2:1: bad YAML"},
	}
	for _, tt := range tests {
		root, err := NewReader("f.yaml").Root([]byte(tt.data), "vocabulary file")
		switch {
		case tt.want == "" && (err != nil || root == nil):
			t.Errorf("%s: Root = %v, %v; want a root", tt.name, root, err)
		case tt.want != "" && (err == nil || len(err.Error()) < len(tt.want) || err.Error()[:len(tt.want)] != tt.want):
			t.Errorf("%s: err = %v; want it to start %q", tt.name, err, tt.want)
		}
	}
}
