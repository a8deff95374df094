package thread

import "testing"

func TestProfileLink(t *testing.T) {
	tests := []struct {
		href string
		want bool
	}{
		{"/members/sean_g.81409/", true},
		{"https://discussion.example/u/PaulWBryant", true},
		{"./memberlist.php?mode=viewprofile&u=123", true},
		{"/users/", false},
		{"/threads/looking-for-projects.73409/", false},
		{"/user", false},
		{"/user/sign_up", false},
		{"/user/sign_in?returnurl=undefined", false},
		{"https://site.example/users/login", false},
		{"/user/show/73-michael-economy", true},
	}
	for _, tc := range tests {
		if got := ProfileLink(tc.href); got != tc.want {
			t.Errorf("ProfileLink(%q) = %v, want %v", tc.href, got, tc.want)
		}
	}
}
