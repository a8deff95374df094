package noise

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The vocabularies below are invented for the generator. Spam brands follow
// the shapes seen in the wild (letters, digits, a bet/win/club ending) but
// are assembled at random, so that a rule that names one brand cannot pass.

var brandStems = []string{
	"tk", "ku", "go", "sun", "hit", "fun", "win", "b", "w", "fb", "vn", "mb", "rik",
	"nohu", "xo", "lux", "vua", "jun", "ole", "may", "hb", "sv", "iwin", "dora", "bong",
	"kim", "zo", "qq", "ae", "j", "new", "top", "789", "f8", "hi", "ok", "six", "one",
	"nhat", "mega", "gacor", "slot", "toto", "situs", "hoki", "dewa", "raja", "naga", "pg",
	"ufa", "lava", "mafia", "joker", "sbo", "betflik", "ruay", "huay", "jili", "max",
}

var brandDigits = []string{"88", "99", "68", "789", "777", "365", "86", "123", "168", "79", "52", "66", "8", "9", "24", "4d", "69", "555", "911"}

var brandEnds = []string{"bet", "bet", "bet", "win", "club", "vip", "casino", "slot", "", "", "play", "live"}

var brandTLDs = []string{".com", ".net", ".bet", ".vip", ".club", ".io", ".me", ".asia", ".online", ".cc", ".xyz"}

// brand returns a new spam brand such as "tk88 bet", "Ku789Club",
// "sv66win.com" or "789BET".
func brand(r *rand.Rand) string {
	stem := pick(r, brandStems)
	digits := pick(r, brandDigits)
	if r.IntN(3) == 0 {
		digits = fmt.Sprint(10 + r.IntN(990))
	}
	end := pick(r, brandEnds)
	var b string
	switch r.IntN(6) {
	case 0:
		b = stem + digits + " " + end
	case 1:
		b = strings.ToUpper(stem + digits + end)
	case 2:
		b = title(stem) + digits + title(end)
	case 3:
		b = stem + digits + end + pick(r, brandTLDs)
	case 4: // digits first: "789bet", "365WIN"
		if end == "" || end == "play" || end == "live" {
			end = "bet"
		}
		b = digits + end
		if r.IntN(2) == 0 {
			b = strings.ToUpper(b)
		}
	default:
		b = stem + digits + end
	}
	return strings.TrimSpace(b)
}

// hostOf turns a brand into a host name for its links.
func hostOf(r *rand.Rand, brand string) string {
	h := strings.ToLower(strings.NewReplacer(" ", "", ".", "").Replace(brand))
	return h + pick(r, brandTLDs)
}

// Gambling phrases; %s is the brand.
var spamPhrases = map[string][]string{
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
}

var spamLangs = []string{"vi", "id", "th", "en"}

// spamPhrase returns a gambling sentence around brand b, in a random language.
func spamPhrase(r *rand.Rand, b string) string {
	return fmt.Sprintf(pick(r, spamPhrases[pick(r, spamLangs)]), b)
}

// Sidebar headings, in the languages of the seeds and more.
var sidebarHeadings = []string{
	"See more", "Related news", "Read more", "Xem thêm", "Tin liên quan", "Baca juga",
	"Berita terkait", "อ่านเพิ่มเติม", "ข่าวที่เกี่ยวข้อง", "You may also like", "More stories",
	"Related articles", "Recommended for you", "Most read", "Trending now", "Đọc thêm",
	"Tin cùng chuyên mục", "Tin khác", "Artikel terkait", "Lihat juga", "Berita lainnya",
	"ข่าวล่าสุด", "บทความที่เกี่ยวข้อง", "Also read", "Don't miss", "Latest news",
	"More from this section", "Editor's picks", "Popular now", "Tin mới nhất", "Terpopuler",
}

// Section labels of teaser cards (seed 002's "Politics-Diplomacy").
var sectionLabels = []string{
	"Politics-Diplomacy", "Society", "Business", "Thời sự", "Kinh doanh", "Thế giới", "Nasional",
	"Ekonomi", "Olahraga", "การเมือง", "เศรษฐกิจ", "World", "Sports", "Life & Style", "Opinion",
}

var (
	headSubjects = map[string][]string{
		"en": {"Mayor", "Lawmakers", "Central bank", "Fishermen", "Students", "Farmers", "Ministry", "Rescue teams", "Startups", "Tourists", "Coach", "Court", "Villagers", "Engineers", "Police"},
		"vi": {"Bộ trưởng", "Nông dân", "Học sinh", "Ngư dân", "Doanh nghiệp", "Thủ tướng", "Công an", "Du khách", "Bệnh viện", "Giáo viên"},
		"id": {"Gubernur", "Petani", "Nelayan", "Mahasiswa", "Polisi", "Menteri", "Warga", "Pedagang", "Dokter", "Atlet"},
		"th": {"นายกรัฐมนตรี", "เกษตรกร", "นักเรียน", "ตำรวจ", "ชาวประมง", "รัฐมนตรี", "นักท่องเที่ยว", "ผู้ว่าราชการ"},
	}
	headVerbs = map[string][]string{
		"en": {"unveil", "reject", "celebrate", "warn about", "rebuild", "debate", "launch", "mourn", "protest", "win", "test", "inspect"},
		"vi": {"khánh thành", "kiểm tra", "đề xuất", "phản đối", "khôi phục", "chào đón", "thảo luận", "hỗ trợ"},
		"id": {"meresmikan", "menolak", "merayakan", "memperingatkan", "membangun", "membahas", "meluncurkan", "memeriksa"},
		"th": {"เปิดตัว", "คัดค้าน", "ฉลอง", "เตือน", "สร้าง", "หารือ", "ตรวจสอบ"},
	}
	headObjects = map[string][]string{
		"en": {"new bridge", "river festival", "flood plan", "rice prices", "school lunches", "harbour project", "night market", "rail link", "heat record", "coral survey", "youth league", "tax reform"},
		"vi": {"cây cầu mới", "lễ hội sông nước", "kế hoạch chống lũ", "giá lúa", "bữa trưa học đường", "cảng cá", "chợ đêm", "tuyến đường sắt"},
		"id": {"jembatan baru", "festival sungai", "rencana banjir", "harga beras", "makan siang sekolah", "proyek pelabuhan", "pasar malam", "jalur kereta"},
		"th": {"สะพานแห่งใหม่", "เทศกาลริมน้ำ", "แผนรับมือน้ำท่วม", "ราคาข้าว", "อาหารกลางวันโรงเรียน", "ท่าเรือ", "ตลาดนัด"},
	}
	headPlaces = map[string][]string{
		"en": {"in the north", "after storm", "near the coast", "for 2025", "this weekend", "amid criticism", "in record time", "at dawn"},
		"vi": {"ở miền Trung", "sau bão", "tại Đà Nẵng", "năm 2025", "cuối tuần này", "ven biển"},
		"id": {"di Surabaya", "setelah badai", "di pesisir", "tahun depan", "akhir pekan ini", "di Bali"},
		"th": {"ที่เชียงใหม่", "หลังพายุ", "ริมชายฝั่ง", "ปีหน้า", "สุดสัปดาห์นี้"},
	}
	headLangs = []string{"en", "en", "vi", "id", "th"}
)

// headline returns an invented news headline. Numbers make it unique enough
// not to occur in any real page.
func headline(r *rand.Rand) string {
	l := pick(r, headLangs)
	h := fmt.Sprintf("%s %s %s %s", pick(r, headSubjects[l]), pick(r, headVerbs[l]), pick(r, headObjects[l]), pick(r, headPlaces[l]))
	if r.IntN(2) == 0 {
		h = fmt.Sprintf("%s (%d)", h, 2+r.IntN(97))
	} else {
		h = fmt.Sprintf("%d %s", 2+r.IntN(97), h)
	}
	return h
}

var teaserTemplates = []string{
	"Officials said on %s that the %d-point plan would be reviewed before the end of the year.",
	"More than %d residents joined the event on %s, organisers said.",
	"The decision, announced %s, affects about %d households in the province.",
	"Theo kế hoạch công bố ngày %s, khoảng %d hộ dân sẽ được hỗ trợ.",
	"Menurut keterangan pada %s, sekitar %d warga ikut serta.",
	"เมื่อวัน%s มีประชาชนกว่า %d คนเข้าร่วมงาน",
}

var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "thứ Hai", "Selasa", "จันทร์"}

// teaser returns an invented one-sentence teaser.
func teaser(r *rand.Rand) string {
	t := pick(r, teaserTemplates)
	if strings.Index(t, "%d") < strings.Index(t, "%s") {
		return fmt.Sprintf(t, 10+r.IntN(9000), pick(r, days))
	}
	return fmt.Sprintf(t, pick(r, days), 10+r.IntN(9000))
}

var (
	captionWho   = []string{"Delegates", "Residents", "Rescue workers", "The minister", "Visitors", "Workers", "Đại biểu", "Warga", "ผู้เข้าร่วมงาน", "Children"}
	captionWhat  = []string{"attend the opening ceremony", "inspect the damaged dyke", "queue outside the market", "plant mangroves", "watch the parade", "tham dự lễ khai mạc", "mengikuti upacara", "ร่วมพิธีเปิด"}
	captionCred  = []string{"Photo: VNA", "Photo: Reuters", "Ảnh: TTXVN", "Foto: Antara", "ภาพ: ไทยรัฐ", "Photo courtesy of the organisers", "Photo by staff"}
	fileStems    = []string{"DSC_", "IMG_", "anh-", "photo-", "z", "le hoai trung ", "foto_", "ภาพ", "img-", "thumb_", "screenshot "}
	fileExts     = []string{".webp", ".jpg", ".JPG", ".jpeg", ".png", ".webp", ".gif", ".PNG"}
	hideStyles   = []string{"display:none", "display: none !important", "DISPLAY:NONE;", "visibility:hidden", "visibility: hidden;", "font-size:0", "font-size: 0px; line-height:0", "position:absolute;left:-9999px", "position: absolute; top: -10000px; left: -10000px", "position:fixed;left:-5000px;top:0"}
	farmSeps     = []string{" | ", " - ", " · ", "|", " ", " / "}
	spamClasses  = []string{"seo-links", "footer-links", "partners", "tags", "lk", "txt-ads", "sponsor", "widget_text", "links-foot", "", "bottom-box"}
	sideClasses  = []string{"related", "related-news", "box-tinlienquan", "baca-juga", "more-news", "sidebar", "widget", "list-news", "tin-khac", "read-more", "trending", "rec-box"}
	misleadClass = []string{"article-content", "entry-content", "post-body", "story-text", "detail-content", "td-post-content", "article__body", "content-detail", "main-text", "fck_detail"}
)

// caption returns an invented photo caption.
func caption(r *rand.Rand) string {
	return fmt.Sprintf("%s %s in %s %d. %s", pick(r, captionWho), pick(r, captionWhat), pick(r, []string{"Hanoi", "Jakarta", "Bangkok", "Hue", "Medan", "Da Nang"}), 1990+r.IntN(35), pick(r, captionCred))
}

// fileName returns a leaked image file name such as "DSC_0042.JPG".
func fileName(r *rand.Rand) string {
	stem := pick(r, fileStems)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s%04d%s", stem, r.IntN(10000), pick(r, fileExts))
	case 1:
		return fmt.Sprintf("%s%d_%x%s", stem, 20200000+r.IntN(60000), r.Uint32()&0xffff, pick(r, fileExts))
	}
	return fmt.Sprintf("%s%d%s", stem, 1+r.IntN(30), pick(r, fileExts))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
