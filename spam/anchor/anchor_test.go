package anchor

import "testing"

func TestHost(t *testing.T) {
	for _, c := range []struct{ href, want string }{
		{"https://WWW.Hit69.me/slot?x=1", "www.hit69.me"},
		{"//cdn.example.org:8443/a", "cdn.example.org"},
		{"http://user:pw@Bet.example:80/", "bet.example"},
		{"http://[2001:db8::1]:8080/x", "[2001:db8::1]"},
		{"http://[2001:db8::1]/x", "[2001:db8::1]"},
		{"/relative/path", ""},
		{"mailto:a@b.c", ""},
	} {
		if got := Host(c.href); got != c.want {
			t.Errorf("Host(%q) = %q, want %q", c.href, got, c.want)
		}
	}
}
