package noise

import (
	"fmt"

	"golang.org/x/net/html"
)

// tuningPools is the half rules are tuned on. Every list here is disjoint
// from its held-out counterpart in vocab_heldout.go (TestPoolsDisjoint). It
// is long because it is data, one literal (see pools).
func tuningPools() *pools {
	return &pools{
		spam: spamPools{
			brandStems: []string{
				"tk", "ku", "go", "sun", "hit", "fun", "b", "fb", "vn", "rik", "nohu", "xo", "vua", "hb",
				"sv", "dora", "kim", "qq", "j", "hi", "six", "nhat", "gacor", "toto", "hoki", "raja", "pg",
				"ufa", "mafia", "sbo", "ruay", "jili", "kubet", "v9", "fcb", "bti", "gemwin", "789club",
				"hay", "cwin", "mu", "tyga", "bet", "jbo", "vwin", "ae", "cmd", "s666",
			},
			brandDigits:  []string{"88", "68", "777", "86", "168", "52", "8", "24", "69", "911", "11", "22", "33"},
			randomDigits: [2]int{10, 500},
			brandEnds:    []string{"bet", "bet", "win", "club", "", "", "play", "88"},
			tlds:         []string{".com", ".bet", ".vip", ".club", ".me", ".xyz", ".net.vn", ".co"},
			hostShapes: []func(label, tld string, n int) string{
				func(l, t string, _ int) string { return "https://" + l + t + "/" },
				func(l, t string, _ int) string { return "https://www." + l + t + "/" },
				func(l, t string, n int) string { return fmt.Sprintf("https://%s%d%s/", l, n%10, t) },
			},
			spamPhrases: map[string][]string{
				"vi": {
					"%s - nhà cái uy tín số 1 Việt Nam",
					"Đăng ký %s nhận thưởng 100k",
					"Cá cược bóng đá trực tuyến tại %s",
					"Link vào %s mới nhất không bị chặn",
					"Nổ hũ đổi thưởng %s tặng code",
					"Game bài đổi thưởng %s uy tín",
					"Soi kèo nhà cái cùng %s",
					"Tải app %s khuyến mãi nạp đầu 200%%",
					"Xổ số lô đề online %s tỷ lệ 1 ăn 99",
					"%s casino trực tuyến rút tiền siêu tốc",
				},
				"id": {
					"%s situs judi online terpercaya",
					"Daftar slot gacor %s maxwin hari ini",
					"Bandar togel resmi %s",
					"%s deposit pulsa tanpa potongan",
					"Link alternatif %s anti blokir",
					"Bonus new member 100%% di %s",
					"Agen judi bola %s terbaik",
					"Main slot online di %s pasti jackpot",
					"%s RTP slot live tertinggi",
					"Situs toto 4D %s hadiah terbesar",
				},
				"th": {
					"%s เว็บพนันออนไลน์ อันดับ 1",
					"สล็อตเว็บตรง %s แตกง่าย",
					"แทงบอลออนไลน์กับ %s",
					"สมัครสมาชิก %s รับโบนัส 100%%",
					"%s ฝากถอนไม่มีขั้นต่ำ",
					"บาคาร่าออนไลน์ %s",
					"คาสิโนออนไลน์ %s จ่ายจริง",
					"หวยออนไลน์ %s บาทละ 900",
					"%s เครดิตฟรี ไม่ต้องฝาก",
				},
				"en": {
					"%s - best online casino, claim your free spins",
					"Sign up at %s for a 200%% welcome bonus",
					"Top betting site %s: play slots now",
					"%s no deposit bonus codes today",
					"Sports betting tips and odds at %s",
					"Win the jackpot tonight with %s",
					"%s official site - live casino and poker",
					"Download the %s app and bet on football",
					"Fast withdrawals at %s online casino",
				},
				"es": {
					"%s casino en línea con bono de bienvenida",
					"Apuestas deportivas en vivo en %s",
					"Tragamonedas gratis y giros sin depósito en %s",
					"%s: la mejor casa de apuestas de México",
					"Regístrate en %s y recibe 100%% de bono",
					"Juega ruleta y blackjack en %s",
				},
				"de": {
					"%s Online Casino mit Echtgeld Bonus",
					"Sportwetten mit den besten Quoten bei %s",
					"Spielautomaten kostenlos spielen bei %s",
					"%s Freispiele ohne Einzahlung",
					"Jetzt bei %s anmelden und Willkommensbonus sichern",
				},
			},
			spamClasses: []string{"seo-links", "footer-links", "partners", "lk", "txt-ads", "", "ads-text", "kw"},
			spamLine:    []func(in *injector, text, href string) *html.Node{spamLineP, spamLineDivLink, spamLineStrong, spamLineH3},
			anchorGlue: []func(in *injector, p, link *html.Node){
				glueEnd(" ", " - ", " | "), glueWrappedEnd("strong", "b"),
			},
			hide: []hideTechnique{
				{"display:none", hideStyle("display:none", "display: none !important", "DISPLAY:NONE;")},
				{"visibility:hidden", hideStyle("visibility:hidden", "visibility: hidden;")},
				{"off-screen", hideStyle("position:absolute;left:-9999px", "position: absolute; top: -10000px; left: -10000px", "position:fixed;left:-5000px;top:0")},
				{"hidden attribute", hideAttr},
			},
			farm:     []func(in *injector, brands []string, sep string) []*html.Node{farmAnchors, farmBraces, farmList},
			farmSeps: []string{" | ", " - ", "|", " :: "},
		},
		sidebar: sidebarPools{

			sidebarHeadings: []string{
				"See more", "Related news", "Xem thêm", "Baca juga", "อ่านเพิ่มเติม", "You may also like",
				"Related articles", "Most read", "Đọc thêm", "Tin cùng chuyên mục", "Artikel terkait",
				"Berita lainnya", "ข่าวล่าสุด", "Also read", "Latest news", "Editor's picks", "Tin mới nhất",
				"Noticias relacionadas", "Te puede interesar", "Lo más leído", "Mehr zum Thema", "Auch interessant",
				"More in this category", "Top stories", "Tin nổi bật", "Baca selengkapnya",
			},
			sideClasses:    []string{"related", "related-news", "box-tinlienquan", "baca-juga", "more-news", "sidebar", "list-news", "tin-khac", "relacionadas", "weitere"},
			misleadClasses: []string{"article-content", "entry-content", "post-body", "story-text", "td-post-content"},
			sectionLabels:  []string{"Politics-Diplomacy", "Society", "Business", "Thời sự", "Kinh doanh", "Nasional", "Ekonomi", "การเมือง", "World", "Deportes", "Wirtschaft"},
			headingMarkup:  []func(in *injector, h string) *html.Node{headingTag("h3"), headingTag("h2", "title"), headingTag("div", "box-title", "title", "tit")},
			sidebarShapes:  []sidebarShape{shapeLinkList, shapeTeaserCards, shapeLinkParas},
			inlineRelated:  []func(in *injector, h string, link *html.Node) *html.Node{inlineStrongColon, inlineDivSpan, inlineEm},
			headlines: headlinePool{
				langs: []string{"en", "en", "vi", "id", "th", "es"},
				subjects: map[string][]string{
					"en": {"Mayor", "Lawmakers", "Central bank", "Fishermen", "Students", "Farmers", "Ministry", "Rescue teams"},
					"vi": {"Bộ trưởng", "Nông dân", "Học sinh", "Ngư dân", "Doanh nghiệp"},
					"id": {"Gubernur", "Petani", "Nelayan", "Mahasiswa", "Polisi"},
					"th": {"นายกรัฐมนตรี", "เกษตรกร", "นักเรียน", "ตำรวจ"},
					"es": {"El alcalde", "Los agricultores", "El gobierno", "Los estudiantes", "La policía"},
				},
				verbs: map[string][]string{
					"en": {"unveil", "reject", "celebrate", "warn about", "rebuild", "debate"},
					"vi": {"khánh thành", "kiểm tra", "đề xuất", "phản đối"},
					"id": {"meresmikan", "menolak", "merayakan", "memperingatkan"},
					"th": {"เปิดตัว", "คัดค้าน", "ฉลอง", "เตือน"},
					"es": {"presenta", "rechaza", "celebra", "advierte sobre"},
				},
				objects: map[string][]string{
					"en": {"new bridge", "river festival", "flood plan", "rice prices", "school lunches", "harbour project"},
					"vi": {"cây cầu mới", "lễ hội sông nước", "kế hoạch chống lũ", "giá lúa"},
					"id": {"jembatan baru", "festival sungai", "rencana banjir", "harga beras"},
					"th": {"สะพานแห่งใหม่", "เทศกาลริมน้ำ", "แผนรับมือน้ำท่วม", "ราคาข้าว"},
					"es": {"el nuevo puente", "la feria del río", "el plan contra inundaciones", "el precio del maíz"},
				},
				places: map[string][]string{
					"en": {"in the north", "after storm", "near the coast", "for 2025"},
					"vi": {"ở miền Trung", "sau bão", "tại Đà Nẵng"},
					"id": {"di Surabaya", "setelah badai", "di pesisir"},
					"th": {"ที่เชียงใหม่", "หลังพายุ", "ริมชายฝั่ง"},
					"es": {"en el norte", "tras la tormenta", "en la costa"},
				},
			},
			teasers: []string{
				"Officials said on %s that the %d-point plan would be reviewed before the end of the year.",
				"More than %d residents joined the event on %s, organisers said.",
				"Theo kế hoạch công bố ngày %s, khoảng %d hộ dân sẽ được hỗ trợ.",
				"Menurut keterangan pada %s, sekitar %d warga ikut serta.",
				"Según informaron el %s, unas %d familias recibirán ayuda.",
			},
			days:  []string{"Monday", "Tuesday", "Wednesday", "thứ Hai", "Selasa", "lunes"},
			dates: []string{"2 hours ago", "May 3, 2024", "03/05/2024", "Yesterday", "3 giờ trước", "2 jam lalu", "hace 5 horas"},
		},
		widget: widgetPools{
			widgets: map[string][]widget{
				"en": {
					{"newsletter", []string{"Get our morning briefing", "The day's top stories, in your inbox every weekday.", "Sign up"}, widgetBox("newsletter", "nl-box", "subscribe")},
					{"cookie", []string{"We use cookies to improve your experience on our site.", "By continuing to browse you agree to our use of cookies.", "Accept"}, widgetBox("cookie-notice", "cc-banner", "gdpr")},
					{"share", []string{"Share this article", "Facebook", "Twitter", "WhatsApp", "Email"}, widgetLinks("share-bar", "social-share", "sharing")},
					{"bio", []string{"About the author", "Dana Whitlock covers local government and transport for the paper.", "View all posts"}, widgetBox("author-bio", "author-box", "byline-card")},
					{"comments", []string{"Leave a comment", "Your email address will not be published. Required fields are marked.", "Post comment"}, widgetForm("comments", "comment-respond", "discussion")},
				},
				"vi": {
					{"newsletter", []string{"Đăng ký nhận bản tin", "Nhận tin nóng mỗi sáng qua email của bạn.", "Đăng ký"}, widgetBox("newsletter", "box-dangky")},
					{"share", []string{"Chia sẻ bài viết", "Facebook", "Zalo", "Sao chép liên kết"}, widgetLinks("share-bar", "social")},
					{"comments", []string{"Ý kiến bạn đọc", "Bình luận của bạn sẽ được biên tập trước khi đăng.", "Gửi bình luận"}, widgetForm("comment-box", "binh-luan")},
				},
				"id": {
					{"newsletter", []string{"Berlangganan buletin kami", "Dapatkan berita pilihan setiap pagi.", "Daftar"}, widgetBox("newsletter", "langganan")},
					{"share", []string{"Bagikan artikel ini", "Facebook", "WhatsApp", "Telegram"}, widgetLinks("share-bar", "bagikan")},
					{"comments", []string{"Tulis komentar", "Komentar Anda akan ditampilkan setelah disetujui.", "Kirim"}, widgetForm("komentar", "comments")},
				},
				"es": {
					{"cookie", []string{"Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "Si continúa navegando, consideramos que acepta su uso.", "Aceptar"}, widgetBox("cookie-notice", "aviso-cookies")},
					{"bio", []string{"Sobre el autor", "Lucía Ferrer es periodista y escribe sobre economía y vivienda.", "Ver más artículos"}, widgetBox("autor", "author-bio")},
				},
			},
			widgetLangs: []string{"en", "en", "vi", "id", "es"},
		},
		article: articlePools{

			captionWho:    []string{"Delegates", "Residents", "Rescue workers", "The minister", "Đại biểu", "Warga"},
			captionWhat:   []string{"attend the opening ceremony", "inspect the damaged dyke", "queue outside the market", "tham dự lễ khai mạc"},
			captionCred:   []string{"Photo: VNA", "Photo: Reuters", "Ảnh: TTXVN", "Foto: Antara"},
			captionPlaces: []string{"Hanoi", "Jakarta", "Bangkok"},
			fileStems:     []string{"DSC_", "IMG_", "anh-", "photo-", "z", "le hoai trung "},
			fileExts:      []string{".webp", ".jpg", ".JPG", ".png"},
			leadClasses:   []string{"sapo", "lead", "summary"},
		},
		glyphs: glyphPools{

			glyphBlocks: []glyphBlock{
				{"emoticons", 0x1F600, 0x1F64F},
				{"transport and map", 0x1F680, 0x1F6FF},
				{"dingbats", 0x2700, 0x27BF},
				{"cjk symbols and punctuation", 0x3001, 0x303F},
				{"geometric shapes", 0x25A0, 0x25FF},
				{"mahjong and domino tiles", 0x1F000, 0x1F093},
				{"misc technical", 0x2300, 0x23FF},
				{"chess symbols", 0x1FA00, 0x1FA53},
				{"enclosed alphanumerics", 0x2460, 0x24FF},
			},
		},
	}
}
