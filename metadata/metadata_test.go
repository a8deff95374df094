package metadata

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/metadata/dateparse"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
)

// extract parses page and reads its metadata as a page of type pageType
// at pageURL.
func extract(t *testing.T, page, pageURL, pageType string) Page {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(pageURL)
	return Extract(doc, u, pageType)
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, head, body, url, want string
	}{
		{"site suffix by og:site_name", `<title>Rhine barges run light | Meridian Daily</title><meta property="og:site_name" content="Meridian Daily">`, ``, "https://example.org/a", "Rhine barges run light"},
		{"site prefix by host", `<title>The Verge - Phones get thinner again</title>`, ``, "https://www.theverge.com/x", "Phones get thinner again"},
		{"the one h1 of an article wins", `<title>Best tools 2025 | Shop</title><meta property="og:type" content="article">`, `<h1>The best tools of 2025</h1>`, "https://shop.example/x", "The best tools of 2025"},
		{"an h1 that og:title repeats beats the <title>", `<title>Ten tips on saving | Bank</title><meta property="og:title" content="Saving money: simple steps | Bank">`, `<h1>Saving money: simple steps</h1>`, "https://bank.example/learn/saving", "Saving money: simple steps"},
		{"the same h1 twice is one headline", `<title>Home repair help: Home Repair Grants | City</title>`, `<div class="mobile"><h1>Home Repair Grants</h1></div><div class="desktop"><h1>Home Repair Grants</h1></div>`, "https://city.example/repair", "Home Repair Grants"},
		{"a <title> cut inside a word yields to the whole headline", `<title>Desk setup: how to place your monitor, laptop, and k | Shop</title>`, `<h1>Desk setup: how to place your monitor, laptop, and keyboard</h1>`, "https://shop.example/desk", "Desk setup: how to place your monitor, laptop, and keyboard"},
		{"a <title> cut with an ellipsis yields to the headline", `<title>Wedding checklist: timeline, budget…</title>`, `<h1>Wedding checklist: a printable timeline</h1>`, "https://wed.example/list", "Wedding checklist: a printable timeline"},
		{"of several headlines, the one the <title> leads with", `<title>Quick start — Widget Library 2.0 Manual</title>`, `<div class="book"><h1>Widget Library 2.0 Manual</h1></div><main><h1>Quick start</h1></main>`, "https://docs.example.org/start", "Quick start"},
		{"of several headlines, the one og:title names", `<title>backup - How to back up my whole disk? - Ask Box</title><meta property="og:title" content="How to back up my whole disk?">`, `<h1>How to back up my whole disk?</h1><h1>Backup</h1>`, "https://askbox.example/q/1", "How to back up my whole disk?"},
		{"a forum's page label before the topic", `<title>Boardland • View topic - Which drill should I buy?</title>`, ``, "https://forum.boardland.example/viewtopic.php?t=1", "Which drill should I buy?"},
		{"a forum's label in the headline", `<title>Which drill? | Tool Talk</title><meta property="og:type" content="article">`, `<h1>Thread: Which drill should I buy?</h1>`, "https://tooltalk.example/showthread.php?t=1", "Which drill should I buy?"},
		{"a heading's permalink glyph is not its text", `<title>Middleware | Web Framework Docs</title><meta property="og:type" content="article">`, `<h1>Middleware<a class="headerlink" href="#middleware">¶</a></h1>`, "https://docs.example.org/middleware", "Middleware"},
		{"a slogan h1 is not a product page's title", `<title>Email marketing platform | Mailbox</title>`, `<h1>Your words. Your way.</h1>`, "https://mailbox.example/x", "Email marketing platform"},
		{"h1 naming the site is no headline", `<title>Gardening for beginners - Green Thumb</title>`, `<h1>Green Thumb</h1>`, "https://greenthumb.example/x", "Gardening for beginners"},
		{"part repeated by og:title", `<title>Markets | Oil slips as stocks rise | Wire</title><meta property="og:title" content="Oil slips as stocks rise">`, ``, "https://example.com/", "Oil slips as stocks rise"},
		{"colon in the title stays", `<title>What is cloud computing?</title>`, ``, "https://example.com/", "What is cloud computing?"},
		{"hyphenated word is not a separator", `<title>Long-term care</title>`, ``, "https://example.com/", "Long-term care"},
		{"stray glyph, og:title clean", `<title>ꦐ Mekong farmers store water - Viet Daily</title><meta property="og:title" content="Mekong farmers store water">`, `<h1>ꦐ Mekong farmers store water</h1>`, "https://vietdaily.example/", "Mekong farmers store water"},
		{"a JSON-LD headline cut short is not the title", `<title>Fix It Friday: We Help 4 Readers Find Solutions (Including One Trick That Works) - Emily Henderson</title><script type="application/ld+json">{"@type":"Article","headline":"Fix It Friday: We Help 4 Readers Find Solutions (Including"}</script>`, ``, "https://stylebyemilyhenderson.example/x", "Fix It Friday: We Help 4 Readers Find Solutions (Including One Trick That Works)"},
		{"a JSON-LD headline before a part after a colon is the title", `<title>Rhine barges run light: Photos | Meridian</title><script type="application/ld+json">{"@type":"Article","headline":"Rhine barges run light"}</script>`, ``, "https://meridian.example/x", "Rhine barges run light"},
		{"the end of a trail of colons that og:title names", `<title>Quarry: Documentation: 18: SELECT</title><meta property="og:title" content="SELECT">`, ``, "https://www.quarry.example/docs/current/sql-select.html", "SELECT"},
		{"a title with one colon is no trail", `<title>Kubernetes: Pods</title><meta property="og:title" content="Pods">`, ``, "https://docs.example.org/pods", "Kubernetes: Pods"},
		{"the site's name whose initials are the host", `<title>Electrical - Overview | Occupational Safety and Health Administration</title>`, ``, "https://www.osha.gov/electrical", "Electrical - Overview"},
		{"words before a shorter JSON-LD headline that the <title> runs on from are the title's", `<title>2025 Software Development Price Guide & Hourly Rate | FullStack Blog</title><meta property="og:type" content="article"><script type="application/ld+json">{"@type":"Article","headline":"Software Development Price Guide & Hourly Rate Comparison"}</script>`, `<h1>2025 Software Development Price Guide & Hourly Rate Comparison</h1>`, "https://fullstack.example/blog/x", "2025 Software Development Price Guide & Hourly Rate Comparison"},
		{"a blog's name before a colon is a kicker", `<title>Engora Data Blog: Small adventures with small models</title><meta property="og:type" content="article"><meta property="og:title" content="Small adventures with small models">`, `<h1>Engora Data Blog: Small adventures with small models</h1>`, "https://engora.example/2025/x.html", "Small adventures with small models"},
		{"a tagline after the lead once the site's name is split off", `<title>Organic garden planning | Plans and layouts for beginners - Green Row</title><meta property="og:site_name" content="Green Row">`, ``, "https://greenrow.example/planning", "Organic garden planning"},
		{"a tagline after the run og:title repeats", `<title>Charcoal barbecue grills | 100+ models | Grill Hub</title><meta property="og:title" content="Charcoal barbecue grills | 100+ models | Grill Hub"><meta property="og:site_name" content="Grill Hub">`, `<h1>Charcoal grills</h1>`, "https://grillhub.example/charcoal", "Charcoal barbecue grills"},
		{"a lead of two words before a bar loses its tail", `<title>Team CRM | Sales tools for small teams - Acme</title><meta property="og:site_name" content="Acme">`, ``, "https://acme.example/crm", "Team CRM"},
		{"a lead of two words before a dash keeps its tail", `<title>Team CRM - Sales tools for small teams | Acme</title><meta property="og:site_name" content="Acme">`, ``, "https://acme.example/crm", "Team CRM - Sales tools for small teams"},
		{"a forum's trail after its name", `<title>Kernel panics after update / Newbie Corner / Arch Linux Forums</title>`, ``, "https://bbs.archlinux.org/viewtopic.php?id=1", "Kernel panics after update"},
		{"a slash inside a name stays", `<title>GPUs / Video Cards</title>`, ``, "https://shop.example/c/gpu", "GPUs / Video Cards"},
		{"a menu label beside the site's name is no title", `<title>Home - Ohio Makers Guild</title><meta property="og:site_name" content="Ohio Makers Guild"><meta property="og:title" content="Home - Ohio Makers Guild">`, `<h1>Support small, buy local</h1>`, "https://ohiomakers.example/", "Home - Ohio Makers Guild"},
		{"a shop label after the site's name is no title", `<title>Birdhouse : Shop</title>`, ``, "https://birdhouse.example/collections/all", "Birdhouse : Shop"},
		{"no title at all", ``, `<p>text</p>`, "https://example.com/", ""},
		{"the headline goes on where og:title stops", `<title>Plumbing tips: 11 best practices</title><meta property="og:type" content="article"><meta property="og:title" content="Plumbing tips: 11 best practices">`, `<h1>Plumbing tips: 11 best practices to prevent issues</h1>`, "https://example.com/blog/x", "Plumbing tips: 11 best practices to prevent issues"},
		{"a label before the headline is not in og:title", `<title>Blog: Best agencies in 2025 ranked</title><meta property="og:type" content="article"><meta property="og:title" content="Best agencies in 2025 ranked">`, `<h1>Blog: Best agencies in 2025 ranked</h1>`, "https://example.com/blog/x", "Best agencies in 2025 ranked"},
		{"a headline updated for a new year beats the stale <title>", `<title>Ten garden tools to buy in 2023 | Green Row</title>`, `<h1>Ten garden tools to buy in 2024</h1>`, "https://greenrow.example/tools", "Ten garden tools to buy in 2024"},
		{"two numbers changed is another page", `<title>Top 5 kettles of 2023 | Green Row</title>`, `<h1>Top 7 kettles of 2024</h1>`, "https://greenrow.example/kettles", "Top 5 kettles of 2023"},
		{"a menu's h1 at one end of the title is the site", `<title>Defining traits - The Cargo Book</title>`, `<div class="menu-bar"><h1 class="menu-title">The Cargo Book</h1></div><main><h2>Defining traits</h2></main>`, "https://doc.example/book/ch10.html", "Defining traits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := extract(t, "<html><head>"+tc.head+"</head><body>"+tc.body+"</body></html>", tc.url, "")
			if p.Title != tc.want {
				t.Errorf("Title = %q, want %q", p.Title, tc.want)
			}
		})
	}
}

func TestProductTitle(t *testing.T) {
	// A product page's <h1> names the product; its <title> adds a pitch.
	const page, pageURL = `<title>Aluminum Wallet - Strong & Durable</title><h1>Slim Wallet</h1>`, "https://shop.example/products/slim"
	if got := extract(t, page, pageURL, pagetype.Product).Title; got != "Slim Wallet" {
		t.Errorf("Title = %q, want %q", got, "Slim Wallet")
	}
	if got := extract(t, page, pageURL, "").Title; got != "Aluminum Wallet - Strong & Durable" {
		t.Errorf("Title of an untyped page = %q, want the <title>", got)
	}
}

func TestProductVariant(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"the variant after a dash is cut", `<title>Relax Gummies - CBD Gummies - 300mg | Green Fields</title><h1>Relax Gummies - (30ct) 300mg</h1>`, "Relax Gummies"},
		{"the <title> names the whole headline", `<title>Faux leather jacket - black - Shopland</title><h1>Faux leather jacket - black</h1>`, "Faux leather jacket - black"},
		{"a one-word name keeps its dash", `<title>Microsoft Surface Laptop 13.8</title><h1>Microsoft - Surface Laptop</h1>`, "Microsoft - Surface Laptop"},
		{"a tail longer than the name is no variant", `<title>24-piece - brush and sponge set for vacuum cleaners</title><h1>24-piece - brush and sponge set for vacuum cleaner models B402</h1>`, "24-piece - brush and sponge set for vacuum cleaner models B402"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extract(t, tt.page, "https://shop.example/products/x", pagetype.Product).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestThreadTitle(t *testing.T) {
	tests := []struct{ name, page, pageType, want string }{
		{"a thread's <title> that is its site's name and slogan yields to its topic", `<title>Reddit - The heart of the internet</title><h1>Enameled Cast Iron Pan and Metal</h1>`, pagetype.Forum, "Enameled Cast Iron Pan and Metal"},
		{"a thread's short site-name heading is no topic", `<title>Hybrid Quantum And Classical Computing - Programming - Nigeria</title><h1>Nairaland Forum</h1>`, pagetype.Forum, "Hybrid Quantum And Classical Computing"},
		{"a topic sharing words with the <title> keeps the <title>'s choice", `<title>Confusing resolver structure - Docker Desktop - Docker Community Forum</title><h1>Welcome to the Docker Community Forums</h1>`, pagetype.Forum, "Confusing resolver structure"},
		{"a board's tag before a thread's topic", `<title>Billing - how do I change my card on file? | Tool Talk</title><meta property="og:site_name" content="Tool Talk">`, pagetype.Forum, "how do I change my card on file?"},
		{"a short topic keeps the words before its dash", `<title>Season 2024 - 2025 | Tool Talk</title><meta property="og:site_name" content="Tool Talk">`, pagetype.Forum, "Season 2024 - 2025"},
		{"off a thread the words before a dash stay", `<title>Billing - how do I change my card on file? | Tool Talk</title><meta property="og:site_name" content="Tool Talk">`, "", "Billing - how do I change my card on file?"},
		{"a slogan heading off a thread is not the title", `<title>Reddit - The heart of the internet</title><h1>Enameled Cast Iron Pan and Metal</h1>`, "", "The heart of the internet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := extract(t, tc.page, "https://www.reddit.com/r/x/comments/1/y/", tc.pageType).Title; got != tc.want {
				t.Errorf("Title = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAuthorsAndDates(t *testing.T) {
	tests := []struct {
		name, page, url string
		authors         []string
		published       string
		modified        string
	}{
		{"json-ld article", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Meridian"},{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana Souza"},{"@type":"Person","name":"Li Wei"}],"datePublished":"2025-09-04T08:15:00+02:00","dateModified":"2025-09-05T10:00:00+02:00"}]}</script>`,
			"https://example.com/a", []string{"Ana Souza", "Li Wei"}, "2025-09-04T08:15:00+02:00", "2025-09-05T10:00:00+02:00"},
		{"meta tags", `<meta name="author" content="By Jane Doe"><meta property="article:published_time" content="2023-05-17T00:00:00Z">`,
			"https://example.com/a", []string{"Jane Doe"}, "2023-05-17T00:00:00Z", ""},
		{"url author is none", `<meta name="author" content="https://facebook.com/someone">`, "https://example.com/a", nil, "", ""},
		{"visible byline and one time", `<h1>Story</h1><div class="byline">By Maria Keller | <time datetime="2022-02-08">Feb 8, 2022</time></div><p>Text</p>`,
			"https://example.com/a", []string{"Maria Keller"}, "2022-02-08", ""},
		{"byline that is a sentence", `<div class="author-bio">our team writes about gardening every week</div>`, "https://example.com/a", nil, "", ""},
		{"listing: many times, no date", `<ul><li><time datetime="2025-01-01">x</time></li><li><time datetime="2025-02-01">y</time></li></ul>`, "https://example.com/news/", nil, "", ""},
		{"comments do not count", `<div class="comments"><span class="author">Zed Quill</span><time datetime="2025-03-03">z</time></div>`, "https://example.com/a", nil, "", ""},
		{"a sidebar-classed cell holding the headline is the header", `<div class="grid-area-sidebar"><h1>Story</h1><time>Aug 04, 2025</time></div><aside class="sidebar"><time datetime="2024-01-01">x</time></aside>`, "https://example.com/a", nil, "2025-08-04", ""},
		{"a thread's first post is created first", `<h1>Q</h1><time itemprop="dateCreated" datetime="2011-02-11 23:49:17Z">Feb 11</time><p>answer</p><time itemprop="dateCreated" datetime="2011-02-12 01:01:43Z">Feb 12</time>`, "https://example.com/q/1", nil, "2011-02-11T23:49:17Z", ""},
		{"a thread's first poster, not its repliers", `<h1>Q</h1><div itemscope itemtype="https://schema.org/DiscussionForumPosting"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">OpPoster</span></span></div>` +
			strings.Repeat(`<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author"><span itemprop="name">Replier Name</span></span></div>`, 5), "https://example.com/t/1", []string{"OpPoster"}, "", ""},
		{"a byline label alone is no name", `<meta name="author" content="Written By">`, "https://example.com/a", nil, "", ""},
		{"a UTC time past midnight keeps the url's day", `<meta property="article:published_time" content="2025-12-19T02:41:41Z">`, "https://example.com/2025/12/18/story/", nil, "2025-12-18", ""},
		{"a customer's review is no byline", `<h1>Gummies</h1><div class="featured-review"><cite class="featured-review_rating-author">Ash Carter</cite></div>`, "https://example.com/p", nil, "", ""},
		{"a review's microdata author and date are a customer's", `<h1>Free CRM</h1><div itemscope itemtype="http://schema.org/Review"><span itemprop="reviewBody">Does everything.</span><meta itemprop="datePublished" content="2016-11-04"><span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Richard I</span></span></div>`, "https://example.com/free-crm", nil, "", ""},
		{"date in the url", ``, "https://example.com/2025/09/04/story/", nil, "2025-09-04", ""},
		{"no 31 February", ``, "https://example.com/2025/02/31/story/", nil, "", ""},
		{"visible date text", `<span class="post-date">Published September 4, 2025</span>`, "https://example.com/a", nil, "2025-09-04", ""},
		{"future date is none", `<meta property="article:published_time" content="2999-01-01">`, "https://example.com/a", nil, "", ""},
		{"modified before published is none", `<meta property="article:published_time" content="2025-01-02"><meta property="article:modified_time" content="2024-01-01">`, "https://example.com/a", nil, "2025-01-02", ""},
		{"yoast written-by label", `<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Staff Writer Jo">`, "https://example.com/a", []string{"Staff Writer Jo"}, "", ""},
		{"link to the author page", `<h1>T</h1><a href="/author/zach-lezberg/" class="x"><span>Zach Lezberg</span></a>`, "https://example.com/a", []string{"Zach Lezberg"}, "", ""},
		{"link to a contributor page", `<h1>T</h1><p>Text by <a href="/contributor/hunter-dukes/">Hunter Dukes</a></p>`, "https://example.com/a", []string{"Hunter Dukes"}, "", ""},
		{"co-authors in one author link", `<h1>T</h1><p>Written by <a href="/blog/author/moses-kim-and-kate-shokurova">Moses Kim and Kate Shokurova</a></p>`, "https://example.com/a", []string{"Moses Kim", "Kate Shokurova"}, "", ""},
		{"author links of a listing", `<a href="/author/a/">Ann Lee</a><a href="/author/b/">Bo Chen</a><a href="/author/c/">Cy Diaz</a><a href="/author/d/">Di Eze</a>`, "https://example.com/", nil, "", ""},
		{"updated label", `<div><span>Updated on</span> <span>July 9, 2025</span></div>`, "https://example.com/a", nil, "", "2025-07-09"},
		{"a time marked as the update is no publication date", `<h1>Tuition</h1><p>Text.</p><time class="updated" datetime="2025-11-19T14:04:23+00:00">Nov 19</time>`, "https://example.com/tuition", nil, "", "2025-11-19T14:04:23Z"},
		{"time without datetime", `<p>x</p><time>Mar 24, 2025</time>`, "https://example.com/a", nil, "2025-03-24", ""},
		{"published meta written for people", `<meta name="published" content="July 17, 2025">`, "https://example.com/a", nil, "2025-07-17", ""},
		{"date line under the headline", `<header><h1>Byteifying language models</h1><div><p class="m_0 fw_medium">December 15, 2025</p><p>Ana Souza</p></div></header><p>Long text of the article follows here.</p>`,
			"https://example.com/blog/x", nil, "2025-12-15", ""},
		{"date line with a separator glyph", `<h1>Why Rust for embedded</h1><div class="flex"><svg></svg> Dec 12, 2025 </div><div>5 min read</div>`, "https://example.com/blog/x", nil, "2025-12-12", ""},
		{"teasers after a listing's headline", `<h1>Blog</h1><h2>First post</h2><p>Feb 27, 2026</p><h2>Second post</h2><p>Feb 19, 2026</p>`, "https://example.com/", nil, "", ""},
		{"date long after the headline is not its date line", `<h1>Story</h1><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>Jan 3, 2025</p>`, "https://example.com/x", nil, "", ""},
		{"webpage date on a page that shows none", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Joco Cup","datePublished":"2018-12-22T08:10:33+11:00"}]}</script><meta property="og:type" content="article"><h1>Joco Cup 4oz</h1><p>Glass cup, 4oz.</p>`,
			"https://shop.example/product/cup/", nil, "", ""},
		{"webpage date where the page shows one", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"T","datePublished":"2024-06-06T10:00:00Z"}]}</script><meta property="og:type" content="article"><h1>T</h1><time datetime="2024-06-06">June 6, 2024</time><time datetime="2024-06-07">June 7</time>`,
			"https://example.com/t", nil, "2024-06-06T10:00:00Z", ""},
		{"webpage date of a day the page does not show", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"T","datePublished":"2018-05-18T10:00:00Z"}]}</script><meta property="og:type" content="article"><h1>T</h1><time datetime="2024-06-07">June 7, 2024</time>`,
			"https://example.com/t", nil, "2024-06-07", ""},
		{"video's date on a service page that shows none", `<script type="application/ld+json">{"@type":"VideoObject","name":"Promo","uploadDate":"2025-08-14T20:51:25Z"}</script><h1>Marketing Software</h1>`, "https://example.com/products/marketing", nil, "", ""},
		{"article's date stands without a shown date", `<script type="application/ld+json">{"@type":"Article","headline":"H","datePublished":"2025-08-14"}</script><h1>H</h1>`, "https://example.com/a", nil, "2025-08-14", ""},
		{"a name lost before its comma is none: the byline speaks", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":", USA TODAY"}]}</script><h1>H</h1><div class="byline">Brian Truitt</div>`, "https://example.com/a", []string{"Brian Truitt"}, "", ""},
		{"a citation's surname-first name in reading order", `<meta name="citation_author" content="Kaufman, Jeff T.">`, "https://example.com/p/backup", []string{"Jeff T. Kaufman"}, "", ""},
		{"a name and its credentials stay as written", `<meta name="author" content="Ann Lee, PhD">`, "https://example.com/a", []string{"Ann Lee, PhD"}, "", ""},
		{"a name and a credential in capitals stay as written", `<meta name="author" content="Jill Kubala, MS">`, "https://example.com/a", []string{"Jill Kubala, MS"}, "", ""},
		{"two co-authors in one value stay as written", `<meta name="author" content="Ana Souza, Li Wei">`, "https://example.com/a", []string{"Ana Souza, Li Wei"}, "", ""},
		{"a suffix after the comma stays as written", `<meta name="author" content="Lee, Jr.">`, "https://example.com/a", []string{"Lee, Jr."}, "", ""},
		{"a company with its legal form is the publisher, no author", `<meta name="author" content="Acme, Inc.">`, "https://example.com/a", nil, "", ""},
		{"the role after a byline's name is not the name", `<h1>Story</h1><div class="author"><span>Rachel Ng</span> <span>Senior Tech Reporter</span></div>`, "https://example.com/a", []string{"Rachel Ng"}, "", ""},
		{"a byline that is a role alone stays", `<h1>Story</h1><div class="author">Staff Writer</div>`, "https://example.com/a", []string{"Staff Writer"}, "", ""},
		{"a link's label with By inside is no name", `<h1>Story</h1><p>By <a href="/author/ann-lee/">Ann Lee</a></p><p><a href="/author/bo-chen/">More By This Contributor</a></p>`, "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"a byline's date after the name", `<h1>Story</h1><div class="byline">Luke Kim December 17, 2025</div>`, "https://example.com/a", []string{"Luke Kim"}, "2025-12-17", ""},
		{"a byline's words after the name", `<h1>Story</h1><div class="byline">Posted by BeauHD on Friday December 19, 2025 @08:00PM from the jobs dept.</div>`, "https://example.com/a", []string{"BeauHD"}, "2025-12-19", ""},
		{"a byline's role after a comma", `<h1>Story</h1><p>By Mayank Gupta, CEO of Widgets Inc</p>`, "https://example.com/a", []string{"Mayank Gupta"}, "", ""},
		{"a byline's date before the label", `<h1>Story</h1><div class="author">May 28 Written By Isabella Tabacchi</div>`, "https://example.com/a", []string{"Isabella Tabacchi"}, "", ""},
		{"a date line in a byline's place is no name", `<h1>Story</h1><div class="author">Last updated on 17 December 2025</div><div class="byline">Sat, 20 Dec, 2025 - 06:36</div>`, "https://example.com/a", nil, "2025-12-20", ""},
		{"a byline naming the site is its credit", `<meta property="og:site_name" content="Supermove"><h1>Best movers in 2025</h1><div class="author">Supermove February 8, 2022 • 10 mins read</div>`, "https://supermove.example/blog/movers", []string{"Supermove"}, "", ""},
		{"a particle inside a byline's name", `<h1>Story</h1><div class="author">Nick van Mead</div>`, "https://example.com/a", []string{"Nick van Mead"}, "", ""},
		{"a byline that ends lower case is no name", `<h1>Story</h1><div class="author">Trending de</div>`, "https://example.com/a", nil, "", ""},
		{"the header's byline among related stories' bylines", `<h1>Story</h1><p>By Ann Lee</p><p>By Ann Lee</p><p>By Ann Lee</p><p>By Ann Lee</p>` + strings.Repeat(`<p>Text.</p>`, 9) +
			strings.Repeat(`<p>By Bo Chen</p><p>By Cy Diaz</p><p>By Di Eze</p>`, 3), "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"author links of related stories leave the header's byline", `<h1>Story</h1><div class="byline">By Ann Lee ⋅ Review Editor</div>` + strings.Repeat(`<p>Text.</p>`, 9) +
			`<a href="/author/bo/">Bo Chen</a><a href="/author/cy/">Cy Diaz</a><a href="/author/di/">Di Eze</a><a href="/author/ed/">Ed Fox</a>`, "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"user name is no author", `<meta name="author" content="brandon-peaktwo">`, "https://example.com/a", nil, "", ""},
		{"members' profile links make a discussion: its first poster", `<h1>Which drill?</h1><div class="post"><a href="/memberlist.php?mode=viewprofile&u=7">drillfan</a><p>Which drill should I buy?</p></div>` +
			`<div class="post"><a href="/memberlist.php?mode=viewprofile&u=8">Bo K</a><p>This one.</p></div><div class="post"><a href="/memberlist.php?mode=viewprofile&u=9">cy_2</a><p>That one.</p></div>`,
			"https://forum.example/viewtopic.php?t=1", []string{"drillfan"}, "", ""},
		{"members' profile links far below the headline are reviewers', not a discussion's starter", `<h1>Steel mug</h1>` + strings.Repeat(`<p>Text.</p>`, 12) +
			`<div class="c"><a href="/profile/amzn1.account.7">Lala</a><p>Nice.</p></div><div class="c"><a href="/profile/amzn1.account.8">Bo K</a><p>Good.</p></div><div class="c"><a href="/profile/amzn1.account.9">cy_2</a><p>Ok.</p></div>`,
			"https://shop.example/dp/1", nil, "", ""},
		{"a book's author on a page of members' votes is no poster", `<h1>Best books</h1>` + `<div itemscope itemtype="https://schema.org/Book"><span itemprop="author">Jane Austen</span></div><div itemscope itemtype="https://schema.org/Book"><span itemprop="author">Leo Tolstoy</span></div>` +
			`<div itemscope itemtype="https://schema.org/Book"><span itemprop="author">Mark Twain</span></div><div itemscope itemtype="https://schema.org/Book"><span itemprop="author">Harper Lee</span></div>` +
			`<a href="/user/show/7-ann">ann</a><a href="/user/show/8-bo">bo_k</a><a href="/user/show/9-cy">cy_2</a>`,
			"https://books.example/list/1", nil, "", ""},
		{"links to members that are no handles make no discussion", `<h1>Pricing</h1><a href="/user/signup">Sign up for free</a><a href="/user/login">Log in now please</a><a href="/user/reset">Reset your password</a>`,
			"https://saas.example/pricing", nil, "", ""},
		{"a home page's names are its teasers' or testimonials'", `<h1>Resumes that work</h1><p>By Keith Wolf</p>`, "https://example.com/", nil, "", ""},
		{"the site's name as author yields to the person in the byline", `<meta name="author" content="One Tree Planted"><h1>How to reduce waste</h1><p>by Meaghan Weeden</p>`, "https://onetreeplanted.org/blogs/x", []string{"Meaghan Weeden"}, "", ""},
		{"the site's name as author stands alone", `<meta name="author" content="Buzzsprout"><h1>Podcast equipment</h1><p>Text.</p>`, "https://www.buzzsprout.com/blog/x", []string{"Buzzsprout"}, "", ""},
		{"a home page's date is the site's", `<meta property="article:published_time" content="2025-01-02">`, "https://example.com/", nil, "", ""},
		{"publication times on many days are teasers'", `<p><span itemprop="datePublished">2025-01-01</span></p><p><span itemprop="datePublished">2025-01-02</span></p><p><span itemprop="datePublished">2025-01-03</span></p>`,
			"https://example.com/news", nil, "", ""},
		{"publication times on two days: the first", `<p><span itemprop="datePublished">2025-01-01</span></p><p><span itemprop="datePublished">2025-01-05</span></p>`, "https://example.com/a", nil, "2025-01-01", ""},
		{"bylines of a listing's teasers", `<p>By Ann Lee</p><p>By Bo Chen</p><p>By Cy Diaz</p><p>By Di Eze</p>`, "https://example.com/news", nil, "", ""},
		{"the byline named again among teasers'", `<h1>Story</h1><p>By Ann Lee</p><p>By Bo Chen</p><p>By Ann Lee</p><p>By Cy Diaz</p>`, "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"the name after By, not the kicker before it", `<h1>Story</h1><div>Guides · 10 min read · <span>By Ann Lee</span></div>`, "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"a byline above the headline", `<p class="author">Ann Lee</p><p>Guides</p><h1>Story</h1><p>Text.</p>`, "https://example.com/a", []string{"Ann Lee"}, "", ""},
		{"a byline far below the headline is not the header's", `<h1>Story</h1>` + strings.Repeat(`<p>Text.</p>`, 9) + `<p class="author">Ann Lee</p>`, "https://example.com/a", nil, "", ""},
		{"a byline far above the headline is not the header's", `<p class="author">Ann Lee</p>` + strings.Repeat(`<p>Menu</p>`, 5) + `<h1>Story</h1>`, "https://example.com/a", nil, "", ""},
		{"written by is a byline label, not a date label", `<h1>Story</h1><div><p>Last updated</p><time>Aug 04, 2025</time></div><div><p>Written by</p><p>Edzel Tabing</p></div>`, "https://example.com/a", []string{"Edzel Tabing"}, "2025-08-04", "2025-08-04"},
		{"a written-by author box at the foot of the page", `<h1>Story</h1>` + strings.Repeat(`<p>Text.</p>`, 12) + `<p>Written by John Crenshaw</p>`, "https://example.com/a", []string{"John Crenshaw"}, "", ""},
		{"a date line above the headline", `<p>Back to all articles</p><p>February 4, 2025 - 11 minutes</p><h1>Cloud innovations</h1><p>Text.</p>`, "https://example.com/blog/x", nil, "2025-02-04", ""},
		{"a time inside the headline", `<header><h1><a href="/x">Preparing a transition <time datetime="2025-12-18T13:21:19+00:00">Dec 18</time></a></h1></header><p>Text.</p>`, "https://example.com/blog/x", nil, "2025-12-18T13:21:19Z", ""},
		{"times on several days: the one beside the headline", `<h1>Why unnest</h1><time datetime="2025-12-17">Dec 17</time>` + strings.Repeat(`<p>Text.</p>`, 12) + `<div class="more"><time datetime="2025-11-02">Nov 2</time><time datetime="2025-10-01">Oct 1</time></div>`, "https://example.com/blog/x", nil, "2025-12-17", ""},
		{"a page filed under the services is an offer", `<meta name="author" content="Dana Whitfield"><meta property="article:published_time" content="2024-06-06"><h1>HR consulting</h1>`,
			"https://example.com/us/en/services/hr-consulting/", nil, "", ""},
		{"a post filed under a services blog is writing", `<meta name="author" content="Dana Whitfield"><meta property="article:published_time" content="2024-06-06"><h1>HR consulting</h1>`,
			"https://example.com/services/blog/hr-trends", []string{"Dana Whitfield"}, "2024-06-06", ""},
		{"a JSON-LD article date on a page that says it is a website's and shows no date", `<meta property="og:type" content="website"><script type="application/ld+json">{"@type":"Article","headline":"H","datePublished":"2004-11-16T15:45:35Z"}</script><h1>H</h1>`,
			"https://example.com/wiki/List", nil, "", ""},
		{"a JSON-LD article date on a page that shows no date", `<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"Article","headline":"H","datePublished":"2004-11-16T15:45:35Z"}</script><h1>H</h1>`,
			"https://example.com/a", nil, "2004-11-16T15:45:35Z", ""},
		{"a JSON-LD article date on a website's page that shows it", `<meta property="og:type" content="website"><script type="application/ld+json">{"@type":"Article","headline":"H","datePublished":"2004-11-16T15:45:35Z"}</script><h1>H</h1><p class="date">November 16, 2004</p>`,
			"https://example.com/a", nil, "2004-11-16T15:45:35Z", ""},
		{"labelled publication dates on many days are a changelog's", `<h1>Feed spec</h1><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><h2>Changes</h2><div><h3>v1</h3><p>Published: July 1, 2025</p><p>Adds a field.</p></div><div><h3>v2</h3><p>Published: July 15, 2025</p><p>Adds a field.</p></div><div><h3>v3</h3><p>Published: December 1, 2025</p><p>Adds a field.</p></div>`,
			"https://example.com/docs/feed", nil, "", ""},
		{"labelled publication dates on many days, the first in the header", `<h1>Release notes</h1><p>Published: July 1, 2025</p><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><div><h3>v2</h3><p>Published: July 15, 2025</p><p>Adds a field.</p></div><div><h3>v3</h3><p>Published: December 1, 2025</p><p>Adds a field.</p></div>`,
			"https://example.com/docs/notes", nil, "2025-07-01", ""},
		{"labelled publication dates on two days: the first", `<h1>Feed spec</h1><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><div><h3>v1</h3><p>Published: July 1, 2025</p><p>Adds a field.</p></div><div><h3>v2</h3><p>Published: July 15, 2025</p><p>Adds a field.</p></div>`,
			"https://example.com/docs/feed", nil, "2025-07-01", ""},
		{"no headline, no header to read a byline from", `<p>By Ann Lee</p><p>Text.</p>`, "https://example.com/a", nil, "", ""},
		{"relative stamps beside one absolute date are answers'", `<div class="q"><span class="date">3y</span></div><div><span class="date">1y</span></div><div><span class="date">Updated 7mo</span></div><div><span class="date">Dec 31, 2024</span></div><div><span class="date">9y</span></div>`,
			"https://example.com/Was-it-bad", nil, "", ""},
		{"one absolute date among few date texts is the page's", `<h1>Story</h1><p>Text.</p><span class="date">Dec 31, 2024</span><span class="date">5 min read</span>`,
			"https://example.com/a", nil, "2024-12-31", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := extract(t, "<html><head></head><body>"+tc.page+"</body></html>", tc.url, "")
			if !reflect.DeepEqual(p.Authors, tc.authors) {
				t.Errorf("Authors = %q, want %q", p.Authors, tc.authors)
			}
			if p.Published != tc.published || p.Modified != tc.modified {
				t.Errorf("Published, Modified = %q, %q, want %q, %q", p.Published, p.Modified, tc.published, tc.modified)
			}
		})
	}
}

func TestOtherFields(t *testing.T) {
	page := `<html lang="pt-BR"><head><title>T</title>
<meta property="og:site_name" content="Folha Exemplo"><meta name="description" content="Resumo da matéria.">
<meta property="article:tag" content="economia"><meta property="article:tag" content="juros"><meta property="article:section" content="Mercado">
<link rel="canonical" href="/mercado/materia.html"><meta property="og:image" content="//cdn.example.com/foto.jpg">
</head><body><p>x</p></body></html>`
	p := extract(t, page, "https://www.example.com/mercado/materia.html?utm_source=x", "")
	want := Metadata{
		SiteName: "Folha Exemplo", Description: "Resumo da matéria.", Tags: []string{"economia", "juros"}, Categories: []string{"Mercado"},
		CanonicalURL: "https://www.example.com/mercado/materia.html", Image: "https://cdn.example.com/foto.jpg", DeclaredLang: "pt-BR",
	}
	if !reflect.DeepEqual(p.Metadata, want) {
		t.Errorf("Metadata =\n%+v\nwant\n%+v", p.Metadata, want)
	}
}

// FuzzExtract: no panic on any page, and every date is ISO 8601.
func FuzzExtract(f *testing.F) {
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"Article","author":[1,{"name":["x"]}],"datePublished":{"@value":"2025-01-01"}}]}</script>`)
	f.Add(`<title>a | b - c</title><h1>b</h1><time datetime="2025-13-01">`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		p := Extract(doc, &url.URL{Scheme: "https", Host: "example.com", Path: "/2025/01/02/x"}, "")
		for _, d := range []string{p.Published, p.Modified} {
			if d != "" && dateparse.ISO(d) == "" {
				t.Errorf("date %q is not ISO 8601", d)
			}
		}
	})
}

func TestCollectionIsNoDiscussion(t *testing.T) {
	// A shop's category page links to its members' area ("Join today",
	// "Sign in"): those are no posters, and the page is no discussion.
	page := `<h1>Sofas</h1><a href="/profile/join">Join today</a><a href="/profile/login">Hej!</a><a href="/profile/x">IK</a><p>GLOSTAD sofa</p>`
	if got := extract(t, page, "https://shop.example/cat/sofas/", pagetype.Collection).Authors; got != nil {
		t.Errorf("Authors = %q, want none", got)
	}
}

func TestFeedDates(t *testing.T) {
	// A listing's dated teasers, newest first, are a feed: their dates
	// are not the page's. A listing-like thread starts with its oldest post.
	tests := []struct {
		name, page, want string
	}{
		{"a feed, newest first", `<meta property="og:type" content="article"><meta property="article:published_time" content="2025-12-16T13:11:14Z"><h1>News</h1>` +
			`<span class="date">Dec 17, 2025</span><span class="date">Dec 16, 2025</span><span class="date">Dec 15, 2025</span>`, ""},
		{"oldest first: a discussion", `<h1>Catering tips</h1><time datetime="2005-07-10T00:57:00">a</time>` + strings.Repeat(`<p>Post.</p>`, 9) + `<time datetime="2005-07-13T12:22:00">b</time><p>Reply.</p><time datetime="2005-07-22T03:28:00">c</time>`, "2005-07-10T00:57:00"},
		{"a listing's date line by its headline is its first item's", `<meta property="og:type" content="article"><h1>Events in Ohio</h1><p>March 16, 2026</p><p>Makers fair, Columbus</p>`, ""},
		{"a date a label introduces on a listing is an item's", `<meta property="og:type" content="article"><h1>Courses</h1><p>Free courses for students of statistics.</p><p>Published: July 9, 2025</p><p>A course on sampling</p>`, ""},
		{"two days are no feed", `<meta property="article:published_time" content="2025-12-16"><h1>News</h1><span class="date">Dec 17, 2025</span><span class="date">Dec 16, 2025</span>`, "2025-12-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := extract(t, tc.page, "https://example.com/news/topic", pagetype.Listing).Published; got != tc.want {
				t.Errorf("Published = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOffering(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://example.com/services/analytics/", true},
		{"https://example.com/us/en/services/consulting.html", true},
		{"https://example.com/de/leistungen/beratung", true},
		{"https://example.com/pricing", true},
		{"https://example.com/solutions/blog/crm-tips", false},
		{"https://example.com/news/services-cut", false},
		{"https://example.com/2025/09/04/story/", false},
		{"https://example.com/", false},
	} {
		u, _ := url.Parse(tc.url)
		if got := offering(u); got != tc.want {
			t.Errorf("offering(%s) = %v, want %v", tc.url, got, tc.want)
		}
	}
}
