package title

import "testing"

func TestName(t *testing.T) {
	for _, c := range []struct{ title, site, host, want string }{
		{"Forza Horizon 5 on Steam", "", "steampowered", "Forza Horizon 5"},
		{"Summit 24 Fire Pit Solo Stove", "", "solostove", "Summit 24 Fire Pit"},
		{"Dark Roast Coffee | Death Wish Coffee", "Death Wish Coffee", "deathwishcoffee", "Dark Roast Coffee"},
		{"Blue Mug at Acme Pottery", "Acme Pottery", "acmepottery", "Blue Mug"},
		// Not the site: kept whole.
		{"Trail Runner on Sale", "", "acme", "Trail Runner on Sale"},
		{"Steam Iron Pro", "", "steampowered", "Steam Iron Pro"},
		// The site's name alone stays.
		{"Acme", "Acme", "acme", "Acme"},
	} {
		if got := Name(c.title, c.site, c.host); got != c.want {
			t.Errorf("Name(%q, %q, %q) = %q, want %q", c.title, c.site, c.host, got, c.want)
		}
	}
}
