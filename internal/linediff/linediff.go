// Package linediff computes a line edit script from a longest common
// subsequence. Hand-written: it is a few dozen lines, and the maintained diff
// libraries work on characters or are archived. The fixture golden diffs and
// the benchmark page diffs both use it.
package linediff

// Op is one step of an edit script: Kind ' ' keeps a[A] (equal to b[B]), '-'
// removes a[A], '+' adds b[B]. A and B are the positions in a and b reached
// at that step.
type Op struct {
	Kind byte
	A, B int
}

// Script returns an edit script turning a into b that keeps a longest common
// subsequence of lines; where removing and adding tie, the removal comes
// first. The table is O(len(a)·len(b)), fine for pages and fixtures of
// hundreds of lines.
func Script(a, b []string) []Op {
	n, m := len(a), len(b)
	// t[i][j] is the LCS length of a[i:] and b[j:].
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var ops []Op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, Op{' ', i, j})
			i++
			j++
		case i < n && (j == m || t[i+1][j] >= t[i][j+1]):
			ops = append(ops, Op{'-', i, j})
			i++
		default:
			ops = append(ops, Op{'+', i, j})
			j++
		}
	}
	return ops
}
