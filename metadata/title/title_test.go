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

func TestDecide_ArticleHeadline(t *testing.T) {
	for _, c := range []struct {
		name, title, h1, site, want string
	}{
		// The article's <h1> shares no word with its <title>: a section's
		// label, not the headline.
		{"label", "How Tides Shape Coastal Towns | Acme", "Our Blog", "Acme", "How Tides Shape Coastal Towns"},
		// A headline worded apart from the <title> that shares a word
		// with it is still the article's.
		{"reworded", "How Tides Shape Coastal Towns | Acme", "Coastal Life Under the Moon", "Acme", "Coastal Life Under the Moon"},
		// A <title> that is only the site's name says nothing.
		{"site only", "| Acme Magazine", "Gadgets", "Acme Magazine", "Gadgets"},
	} {
		s := &Sources{Title: c.title, H1: []string{c.h1}, Article: true}
		if got := Decide(s, c.site, "acme", false); got != c.want {
			t.Errorf("%s: Decide = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLead(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"How to Brew Green Tea - Tips and Tricks | Site", "How to Brew Green Tea"},
		// Two words before a bar: the rest is the site or its tagline.
		{"Gift Ideas | Example Shop", "Gift Ideas"},
		// Two words before a dash may be a name and its subtitle.
		{"Gift Ideas - Example Shop", "Gift Ideas - Example Shop"},
		// One word says too little to stand alone.
		{"Jobs | Example News", "Jobs | Example News"},
		{"No Separator Here", "No Separator Here"},
	} {
		if got := lead(c.title); got != c.want {
			t.Errorf("lead(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}
