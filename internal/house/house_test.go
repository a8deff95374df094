package house

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The house limits (STYLE.md; issue 13's targets).
const (
	maxPackageLines = 1500 // non-test Go lines of one package (directory)
	maxFields       = 15   // fields of one struct type
	maxFuncLines    = 80   // lines of one function outside tests
)

// why is what the doc comment of a function over maxFuncLines lines must
// say: that it runs past 80 lines, and why (pagetype.Classify: "It runs
// past 80 lines because the order is ...").
var why = regexp.MustCompile(`(?i)past 80 lines|over 80 lines|more than 80 lines`)

// allowed lists the exceptions, each with its reason: package directories
// (relative to the module root, slash-separated) over maxPackageLines, and
// struct types ("dir.Type") over maxFields.
var allowed = map[string]string{
	"bench/noise": "the bench's noise generator (1,660 lines; its DOM helpers moved to bench/noise/dom): the injector, the tuning and held-out markup pools and the disjointness test share it; a split must edit the held-out pool files, which those who tune winnow are not to read (issue 14's honest hold-out)",
}

// unit is one measured thing: a package, a struct or a function.
type unit struct {
	name string // dir, dir.Type or dir.Func
	size int    // lines or fields
	pos  string // file:line
}

// measure reads the non-test Go files under root (testdata, vendor and
// hidden directories aside) and returns the packages with their line
// counts, the struct types with their field counts, and the functions over
// maxFuncLines lines without a comment saying why.
func measure(t *testing.T, root string) (pkgs, structs, funcs []unit) {
	t.Helper()
	lines := map[string]int{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (n == "testdata" || n == "vendor" || strings.HasPrefix(n, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		dir := filepath.ToSlash(rel)
		lines[dir] += strings.Count(string(src), "\n")
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					structs = append(structs, unit{dir + "." + n.Name.Name, fields(st), fset.Position(n.Pos()).String()})
				}
			case *ast.FuncDecl:
				from, to := fset.Position(n.Pos()).Line, fset.Position(n.End()).Line
				if to-from+1 > maxFuncLines && (n.Doc == nil || !why.MatchString(n.Doc.Text())) {
					funcs = append(funcs, unit{dir + "." + funcName(n), to - from + 1, fset.Position(n.Pos()).String()})
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir, n := range lines {
		pkgs = append(pkgs, unit{name: dir, size: n})
	}
	for _, us := range [][]unit{pkgs, structs, funcs} {
		sort.Slice(us, func(i, j int) bool { return us[i].size > us[j].size })
	}
	return pkgs, structs, funcs
}

// fields counts the fields of st: each name of a named field, and each
// embedded field.
func fields(st *ast.StructType) int {
	n := 0
	for _, f := range st.Fields.List {
		n += max(len(f.Names), 1)
	}
	return n
}

// funcName is Recv.Name for a method, Name for a function.
func funcName(f *ast.FuncDecl) string {
	if f.Recv == nil || len(f.Recv.List) == 0 {
		return f.Name.Name
	}
	t := f.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + f.Name.Name
	}
	return f.Name.Name
}

// TestHouse holds the module and the bench module to the house limits.
func TestHouse(t *testing.T) {
	root := filepath.Join("..", "..")
	pkgs, structs, funcs := measure(t, root)
	used := map[string]bool{}
	over(t, pkgs, maxPackageLines, used, "lines of non-test Go", "split it by concern")
	over(t, structs, maxFields, used, "fields", "group them into sub-structs")
	for _, f := range funcs {
		t.Errorf("%s: func %s is %d lines, over %d, and its doc comment does not say why it runs past 80 lines", f.pos, f.name, f.size, maxFuncLines)
	}
	for name := range allowed {
		if !used[name] {
			t.Errorf("allowed lists %s, which is within the limits now: remove it", name)
		}
	}
	if len(pkgs) > 0 {
		t.Logf("largest package %s: %d lines; largest struct %s: %d fields; %d functions over %d lines without a reason",
			pkgs[0].name, pkgs[0].size, structs[0].name, structs[0].size, len(funcs), maxFuncLines)
	}
}

// over reports the units over limit (what they count, what to do), but
// those allowed, which it marks in used.
func over(t *testing.T, us []unit, limit int, used map[string]bool, what, fix string) {
	t.Helper()
	for _, u := range us {
		if u.size <= limit {
			continue
		}
		if reason, ok := allowed[u.name]; ok {
			used[u.name] = true
			t.Logf("%s: %d %s (allowed: %s)", u.name, u.size, what, reason)
			continue
		}
		if u.pos == "" {
			t.Errorf("package %s has %d %s, over %d: %s", u.name, u.size, what, limit, fix)
			continue
		}
		t.Errorf("%s: %s has %d %s, over %d: %s", u.pos, u.name, u.size, what, limit, fix)
	}
}
