package promo

import (
	"testing"

	"github.com/winnowhq/winnow/spam/fold"
)

func TestPromoFigure(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"sign up for a 200% welcome bonus", "200%"},
		{"nạp 100k tặng 100k", "100k"},
		{"deposit $50 get $150", "$50"},
		{"giros gratis por 500€ hoy", "500€"},
		{"ganhe r$ 20 no cadastro", "$ 20"},
		{"首存送100%彩金", "100%"},
		{"注册送888元彩金", "888元"},
		{"入金不要3万円ボーナス", "3万"},
		{"가입머니 5만원 지급", "5만"},
		{"ฝากครั้งแรก 100บาทรับ", "100บาท"},
		{"bonus 50rb untuk member", "50rb"},
		{"nhận ngay 10 triệu", "10 triệu"},
		{"a 100 tlx engine", ""},
		{"the 2024 budget rose 5 percent", ""},
		{"a 100km race", ""},
		{"no figures at all", ""},
	} {
		if got := Figure(fold.Fold(c.text)); got != c.want {
			t.Errorf("Figure(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestEdgeNumber(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"bonus new member 100% di 888.", "888"},
		{"28288: la mejor casa de apuestas", "28288"},
		{"sportwetten mit den besten quoten bei 6988", "6988"},
		{"the casino opened in 1998", ""},  // a year
		{"the casino opened in 2024.", ""}, // a year
		{"prices rose to 1.400", ""},       // a figure, not a code
		{"room 12", ""},                    // too short
		{"1234567 visitors", ""},           // too long
		{"call 555 for details now", ""},   // not at the edge
	} {
		if got := EdgeNumber(fold.Fold(c.text)); got != c.want {
			t.Errorf("EdgeNumber(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestCodeNumber(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"sportwetten mit den besten quoten bei 6988", "6988"}, // at the edge
		{"schnelle auszahlung bei 7391 im casino", "7391"},     // a short line: anywhere
		{"the casino opened in 1998 with 300 tables", "300"},   // a short line
		{"the casino opened in 1998", ""},                      // a year
		{"the casino employs 2,400 people", ""},                // separators: a figure
		{"the casino said on monday that its 450 slot machines would stay closed until the regulator had finished its review of the", ""}, // a long run: only at the edge
	} {
		if got := CodeNumber(fold.Fold(c.text)); got != c.want {
			t.Errorf("CodeNumber(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
