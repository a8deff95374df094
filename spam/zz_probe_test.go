package spam

import (
	"bufio"
	"os"
	"testing"
)

func TestZZProbe(t *testing.T) {
	m := model(t)
	f, _ := os.Open("/tmp/probe.txt")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := m.ScoreText(sc.Text())
		t.Logf("%-60.60q %v", sc.Text(), s)
	}
}
