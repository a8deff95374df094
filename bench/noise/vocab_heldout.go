package noise

import (
	"fmt"

	"golang.org/x/net/html"
)

// heldOutPools is the half figures are reported on. Its lists are disjoint
// from the tuning half's, and it adds spam and boilerplate languages (zh,
// ko, ja, pt-BR, ru, tr, ar, hi, fr, ms), hiding techniques (font-size 0,
// 1px boxes with overflow hidden, text in the background colour,
// aria-hidden clipping, opacity, style-sheet classes), markup and glyph
// blocks the tuning half never shows. Do not tune on it.
//
// It is long because it is data, one literal (see pools).
func heldOutPools() *pools {
	return &pools{
		spam: spamPools{
			brandStems: []string{
				"win", "w", "mb", "lux", "jun", "ole", "may", "iwin", "bong", "zo", "new", "top", "f8", "ok",
				"one", "mega", "slot", "situs", "dewa", "naga", "lava", "joker", "betflik", "huay", "max",
				"pp", "fly", "bk", "shbet", "fi", "ga", "vin", "typhu", "luck", "spin", "rich", "dragon",
				"tiger", "fortune", "royal", "nova", "bingo", "lotto", "koi", "jitu", "mpo", "zeus", "kakek",
				"sultan", "garuda", "panda", "pgsoft", "aladin", "olympus", "wd", "u", "k9", "bola", "papi",
			},
			brandDigits:  []string{"99", "789", "365", "123", "79", "66", "9", "4d", "555", "188", "55", "28", "333", "77", "1", "18"},
			randomDigits: [2]int{500, 1000},
			brandEnds:    []string{"vip", "casino", "slot", "live", "game", "", "", "pro", "online", "hub", "xo", "win9"},
			tlds: []string{".net", ".io", ".asia", ".online", ".cc", ".win", ".top", ".fun", ".live", ".pro", ".app",
				".link", ".site", ".shop", ".games", ".vin", ".lol", ".com.br", ".in", ".ph", ".kr", ".tw"},
			hostShapes: []func(label, tld string, n int) string{
				func(l, t string, _ int) string { return "https://" + l + t },
				func(l, t string, n int) string { return fmt.Sprintf("https://m.%s%s/register?ref=%d", l, t, n) },
				func(l, t string, n int) string { return fmt.Sprintf("https://%s-%d%s/?daftar=slot-%d", l, n%100, t, n) },
				func(l, t string, n int) string { return fmt.Sprintf("https://cdn%d.%s%s/go", n%9, l, t) },
				func(l, _ string, n int) string { return fmt.Sprintf("https://bit.ly/%s%d", l, n) },
				func(l, t string, n int) string { return fmt.Sprintf("https://%s%s/vn/%d/index.html", l, t, n) },
			},
			spamPhrases: map[string][]string{
				"vi": {
					"%s - cổng game đổi thưởng hàng đầu châu Á",
					"Nhận ngay 88k khi tạo tài khoản %s",
					"Bắn cá đổi thưởng online tại %s",
					"%s tài xỉu uy tín, hoàn trả 1.5%% mỗi ngày",
					"Đá gà trực tiếp thomo cùng %s",
					"Kèo nhà cái hôm nay - %s",
					"%s trang chủ chính thức, link dự phòng",
				},
				"id": {
					"%s link slot88 gampang menang",
					"Situs slot thailand super gacor %s",
					"%s bo togel hongkong terpercaya",
					"Login %s, scatter hitam mahjong ways",
					"%s judi bola parlay odds terbaik",
					"Slot deposit dana 10 ribu di %s",
					"%s bandar casino live baccarat",
				},
				"th": {
					"%s เว็บสล็อต pg แตกง่ายที่สุด",
					"ยูฟ่าเบท %s ฝาก-ถอน ออโต้",
					"%s หวยลาว หวยฮานอย จ่ายสูง",
					"เว็บแทงบอลสเต็ป %s ค่าน้ำดีที่สุด",
					"%s สมัครรับเครดิตฟรี 50 บาท",
				},
				"en": {
					"%s - real money slots with instant payouts",
					"Play online poker for cash at %s",
					"%s sportsbook: best odds on the Premier League",
					"Claim 50 free spins at %s, no wagering",
					"%s crypto casino, bitcoin roulette and crash games",
					"Bet on esports and win big with %s",
					"Trusted online gambling site %s - 24/7 support",
				},
				"zh": {
					"%s 百家乐 娱乐城 官方网站",
					"%s 体育投注 首存送100%%",
					"澳门新葡京 %s 线上赌场",
					"%s 老虎机 真人视讯 注册送彩金",
					"北京赛车 时时彩 %s 高赔率",
					"%s 六合彩 开奖 信誉平台",
				},
				"zh-Hant": {
					"%s 娛樂城 註冊送體驗金",
					"%s 運彩 線上投注 最高賠率",
					"台灣 %s 百家樂 真人荷官",
					"%s 老虎機 免費試玩",
				},
				"ko": {
					"%s 토토사이트 카지노 추천",
					"안전놀이터 %s 가입머니 지급",
					"%s 바카라사이트 실시간",
					"메이저사이트 %s 스포츠토토",
					"%s 온라인 슬롯 첫충 이벤트",
				},
				"ja": {
					"%s オンラインカジノ 入金不要ボーナス",
					"%s スロット 出金が早い",
					"ブックメーカー %s でスポーツベット",
					"%s 新規登録で30ドル プレゼント",
				},
				"pt-BR": {
					"%s jogo do tigrinho paga muito",
					"Fortune Tiger no %s, bônus de cadastro",
					"%s aposta esportiva com Pix na hora",
					"Cassino online %s: saque rápido",
					"%s plataforma nova pagando no cadastro",
					"Jogo do bicho online %s resultado",
				},
				"ru": {
					"%s онлайн казино на реальные деньги",
					"Игровые автоматы %s бонус без депозита",
					"%s букмекерская контора ставки на спорт",
					"Зеркало %s рабочее на сегодня",
					"%s фриспины за регистрацию",
				},
				"tr": {
					"%s canlı casino giriş adresi",
					"Deneme bonusu veren siteler %s",
					"%s canlı bahis güncel giriş",
					"%s slot oyunları yüksek oran",
				},
				"ar": {
					"%s كازينو اون لاين بأموال حقيقية",
					"مراهنات رياضية مع %s",
					"%s ألعاب سلوت مجانية بمكافأة",
				},
				"hi": {
					"%s ऑनलाइन कैसीनो असली पैसे",
					"%s पर क्रिकेट सट्टा लगाएं",
					"तीन पत्ती खेलें %s पर बोनस",
				},
				"fr": {
					"%s casino en ligne argent réel",
					"Paris sportifs avec %s: bonus de bienvenue",
					"%s machines à sous gratuites",
				},
				"ms": {
					"%s kasino dalam talian Malaysia",
					"Daftar %s dapat free kredit",
					"%s slot online mudah menang",
				},
			},
			spamClasses: []string{"tags", "sponsor", "widget_text", "links-foot", "bottom-box", "friend-links", "backlink", "ft-link", "blogroll", "mitra", "yqlj"},
			spamLine: []func(in *injector, text, href string) *html.Node{
				spamLineListItem, spamLineTable, spamLineButton, spamLineH2Link, spamLineBlockquote, spamLineSpanColor,
			},
			anchorGlue: []func(in *injector, p, link *html.Node){
				glueEnd(" (", " → ", " » ", ". ", ", "), glueWrappedEnd("em", "u", "span"), glueStart, glueAfterSentence,
			},
			hide: []hideTechnique{
				{"font-size:0", hideStyle("font-size:0", "font-size: 0px; line-height:0")},
				{"1px overflow hidden", hideStyle("height:1px;width:1px;overflow:hidden", "overflow: hidden; height: 1px;", "max-height:0;overflow:hidden")},
				{"background colour", hideColour},
				{"aria-hidden clip", hideAria},
				{"opacity", hideStyle("opacity:0;height:0", "opacity: 0; position: absolute; z-index: -1")},
				{"text-indent", hideStyle("text-indent:-9999px;overflow:hidden;white-space:nowrap", "transform:scale(0)")},
				{"style sheet", hideStyleSheet},
			},
			farm:     []func(in *injector, brands []string, sep string) []*html.Node{farmTable, farmTags, farmSmall},
			farmSeps: []string{" · ", " ", " / ", ", ", " • "},
		},
		sidebar: sidebarPools{

			sidebarHeadings: []string{
				"Read more", "Tin liên quan", "Berita terkait", "ข่าวที่เกี่ยวข้อง", "More stories", "Recommended for you",
				"Trending now", "Tin khác", "Lihat juga", "บทความที่เกี่ยวข้อง", "Don't miss", "More from this section",
				"Popular now", "Terpopuler", "相关阅读", "延伸阅读", "热门文章", "관련 기사", "많이 본 뉴스",
				"関連記事", "あわせて読みたい", "Читайте также", "Похожие новости", "Leia também", "Veja também",
				"Mais lidas", "İlginizi çekebilir", "Benzer haberler", "اقرأ أيضا", "أخبار ذات صلة", "यह भी पढ़ें",
				"संबंधित खबरें", "À lire aussi", "Sur le même sujet", "Berita berkaitan", "相關新聞",
			},
			sideClasses:    []string{"widget", "read-more", "trending", "rec-box", "related-posts", "yarpp", "jp-relatedposts", "xgyd", "news-feed", "more-links", "also"},
			misleadClasses: []string{"detail-content", "article__body", "content-detail", "main-text", "fck_detail", "article-body", "post-content"},
			sectionLabels:  []string{"Thế giới", "Olahraga", "เศรษฐกิจ", "Sports", "Life & Style", "Opinion", "国际", "경제", "Политика", "Esportes", "Gündem", "Culture"},
			headingMarkup:  []func(in *injector, h string) *html.Node{headingStrong, headingSpan, headingHeader, headingTag("div", "heading", "hd", "block-title")},
			sidebarShapes:  []sidebarShape{shapeBareLinks, shapeTimeCards, shapeTableRows, shapeListMeta},
			inlineRelated:  []func(in *injector, h string, link *html.Node) *html.Node{inlineQuote, inlineArrow, inlineList},
			headlines: headlinePool{
				langs: []string{"en", "vi", "id", "th", "zh", "ko", "ja", "ru", "pt", "tr", "ar", "hi", "fr"},
				subjects: map[string][]string{
					"en": {"Tourists", "Coach", "Court", "Villagers", "Engineers", "Police", "Startups"},
					"vi": {"Thủ tướng", "Công an", "Du khách", "Bệnh viện", "Giáo viên"},
					"id": {"Menteri", "Warga", "Pedagang", "Dokter", "Atlet"},
					"th": {"ชาวประมง", "รัฐมนตรี", "นักท่องเที่ยว", "ผู้ว่าราชการ"},
				},
				verbs: map[string][]string{
					"en": {"launch", "mourn", "protest", "win", "test", "inspect"},
					"vi": {"khôi phục", "chào đón", "thảo luận", "hỗ trợ"},
					"id": {"membangun", "membahas", "meluncurkan", "memeriksa"},
					"th": {"สร้าง", "หารือ", "ตรวจสอบ"},
				},
				objects: map[string][]string{
					"en": {"night market", "rail link", "heat record", "coral survey", "youth league", "tax reform"},
					"vi": {"bữa trưa học đường", "cảng cá", "chợ đêm", "tuyến đường sắt"},
					"id": {"makan siang sekolah", "proyek pelabuhan", "pasar malam", "jalur kereta"},
					"th": {"อาหารกลางวันโรงเรียน", "ท่าเรือ", "ตลาดนัด"},
				},
				places: map[string][]string{
					"en": {"this weekend", "amid criticism", "in record time", "at dawn"},
					"vi": {"năm 2025", "cuối tuần này", "ven biển"},
					"id": {"tahun depan", "akhir pekan ini", "di Bali"},
					"th": {"ปีหน้า", "สุดสัปดาห์นี้"},
				},
				whole: map[string][]string{
					"zh": {"暴雨致多地交通中断", "新地铁线路年底通车", "本市公布老旧小区改造计划", "农民喜迎秋粮丰收", "高校毕业生就业形势分析"},
					"ko": {"서울시 새 버스 노선 발표", "태풍 북상에 해안 마을 비상", "쌀값 하락에 농민들 우려", "국회 예산안 처리 지연"},
					"ja": {"大雨で新幹線が運転見合わせ", "市が新しい図書館の計画を発表", "漁業者が不漁に懸念", "地元高校が全国大会へ"},
					"ru": {"Мэрия представила план ремонта дорог", "Фермеры ждут рекордного урожая", "В городе откроют новую школу", "Паводок затопил прибрежные сёла"},
					"pt": {"Prefeitura anuncia nova linha de ônibus", "Chuvas deixam bairros sem energia", "Agricultores comemoram safra recorde", "Escola pública ganha prêmio nacional"},
					"tr": {"Belediye yeni park projesini tanıttı", "Çiftçiler kuraklıktan endişeli", "Sahil yolunda bakım çalışması", "Üniversitede yeni dönem başladı"},
					"ar": {"البلدية تعلن خطة جديدة للنقل", "المزارعون يحتفلون بموسم الحصاد", "افتتاح مستشفى جديد في المدينة"},
					"hi": {"शहर में नई मेट्रो लाइन शुरू", "किसानों ने फसल के दाम पर चिंता जताई", "बारिश से कई गांवों में बाढ़"},
					"fr": {"La mairie dévoile son plan vélo", "Les pêcheurs inquiets pour la saison", "Un nouveau lycée ouvrira en septembre"},
				},
			},
			teasers: []string{
				"The decision, announced %s, affects about %d households in the province.",
				"เมื่อวัน%s มีประชาชนกว่า %d คนเข้าร่วมงาน",
				"据%s消息，约有%d户居民受到影响。",
				"%s 발표에 따르면 약 %d가구가 영향을 받았다.",
				"По данным на %s, пострадали около %d семей.",
				"Segundo o anúncio de %s, cerca de %d famílias serão atendidas.",
				"%s günü yapılan açıklamaya göre %d hane etkilendi.",
			},
			days:  []string{"Thursday", "Friday", "จันทร์", "周一", "월요일", "понедельник", "segunda-feira", "Pazartesi"},
			dates: []string{"3 天前", "2024年5月3日", "3 мая 2024", "há 2 horas", "2 saat önce", "3시간 전", "il y a 4 heures", "منذ ساعتين", "2 घंटे पहले", "12.04.2024"},
		},
		widget: widgetPools{
			widgets: map[string][]widget{
				"en": {
					{"newsletter", []string{"Never miss a story", "Join 40,000 readers who get our weekly digest.", "Subscribe"}, widgetForm("newsletter-signup", "optin", "mc4wp-form")},
					{"cookie", []string{"This website stores data such as cookies to enable site functionality and analytics.", "Manage preferences"}, widgetBox("consent-banner", "cmp", "privacy-notice")},
					{"share", []string{"Spread the word", "LinkedIn", "Reddit", "Mastodon", "Copy link"}, widgetLinks("social-buttons", "addtoany", "post-share")},
					{"bio", []string{"Written by", "Priya Raman is a senior correspondent based in Chennai who reports on health.", "Follow"}, widgetBox("contributor", "writer-card", "about-author")},
					{"comments", []string{"Join the conversation", "Comments are moderated and may take a while to appear.", "Submit"}, widgetForm("disqus", "reply-form", "talk")},
				},
				"fr": {
					{"newsletter", []string{"Recevez notre lettre d'information", "Chaque matin, l'essentiel de l'actualité.", "Je m'inscris"}, widgetForm("newsletter-signup", "inscription")},
					{"cookie", []string{"Nous utilisons des cookies pour mesurer l'audience de ce site.", "Tout accepter"}, widgetBox("consent-banner", "bandeau-cookies")},
				},
				"pt": {
					{"share", []string{"Compartilhe", "Threads", "Bluesky", "Copiar link"}, widgetLinks("compartilhar", "social-buttons")},
					{"comments", []string{"Deixe seu comentário", "Seu e-mail não será publicado.", "Publicar"}, widgetForm("comentarios", "reply-form")},
				},
				"ru": {
					{"newsletter", []string{"Подпишитесь на рассылку", "Главные новости дня каждое утро.", "Подписаться"}, widgetForm("subscribe-form", "rassylka")},
					{"comments", []string{"Комментарии", "Войдите, чтобы оставить комментарий.", "Отправить"}, widgetForm("comments-block", "talk")},
				},
				"de": {
					{"bio", []string{"Über den Autor", "Jonas Keller ist Redakteur im Ressort Wirtschaft.", "Alle Artikel"}, widgetBox("autorenbox", "about-author")},
				},
				"zh": {
					{"share", []string{"分享到", "微信", "微博", "复制链接"}, widgetLinks("share-box", "bdshare")},
					{"comments", []string{"发表评论", "登录后才能评论", "提交"}, widgetForm("pinglun", "reply-form")},
				},
				"ja": {
					{"share", []string{"この記事をシェア", "X", "LINE", "はてな"}, widgetLinks("sns-share", "post-share")},
				},
				"ko": {
					{"newsletter", []string{"뉴스레터 구독", "매일 아침 주요 뉴스를 보내드립니다.", "구독하기"}, widgetForm("newsletter-signup", "gudok")},
				},
				"tr": {
					{"cookie", []string{"Sitemizde çerezler kullanılmaktadır.", "Kabul et"}, widgetBox("cerez-uyari", "consent-banner")},
				},
			},
			widgetLangs: []string{"en", "en", "fr", "pt", "ru", "de", "zh", "ja", "ko", "tr"},
		},
		article: articlePools{

			captionWho:    []string{"Visitors", "Workers", "ผู้เข้าร่วมงาน", "Children", "Volunteers", "Officials"},
			captionWhat:   []string{"plant mangroves", "watch the parade", "mengikuti upacara", "ร่วมพิธีเปิด", "clear debris from the road"},
			captionCred:   []string{"ภาพ: ไทยรัฐ", "Photo courtesy of the organisers", "Photo by staff", "Foto: Agência Brasil", "图：新华社"},
			captionPlaces: []string{"Hue", "Medan", "Da Nang", "Recife", "Chengdu"},
			fileStems:     []string{"foto_", "ภาพ", "img-", "thumb_", "screenshot ", "WhatsApp Image 2024-05-", "微信图片_", "PXL_"},
			fileExts:      []string{".jpeg", ".gif", ".PNG", ".avif", ".JPEG", ".heic"},
			leadClasses:   []string{"description", "chapeau", "standfirst", "dek"},
		},
		glyphs: glyphPools{

			glyphBlocks: []glyphBlock{
				{"misc symbols and pictographs", 0x1F300, 0x1F5FF},
				{"supplemental symbols and pictographs", 0x1F900, 0x1F9FF},
				{"misc symbols", 0x2600, 0x26FF},
				{"enclosed ideographic supplement", 0x1F200, 0x1F2FF},
				{"arrows", 0x2190, 0x21FF},
				{"playing cards", 0x1F0A1, 0x1F0F5},
				{"ornamental dingbats", 0x1F650, 0x1F67F},
				{"enclosed cjk letters and months", 0x3200, 0x32FF},
				{"box drawing", 0x2500, 0x257F},
				{"block elements", 0x2580, 0x259F},
				{"braille patterns", 0x2801, 0x28FF},
				{"misc symbols and arrows", 0x2B00, 0x2BFF},
				{"alchemical symbols", 0x1F700, 0x1F773},
				{"geometric shapes extended", 0x1F780, 0x1F7D8},
				{"symbols and pictographs extended-a", 0x1FA70, 0x1FAF8},
			},
			trailingGlyphs: true,
		},
	}
}
