package parasite

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// poolsOf returns the vocabulary of half h. It is long because it is data:
// one literal per half, languages side by side.
func poolsOf(h Half) pools {
	if h == HalfTuning {
		return pools{
			langs: map[string]lang{
				"en": {
					phrases:  []string{"%s online casino with real money slots", "Play slot online at %s and claim free spins", "%s best betting site for sports and live casino", "Win the jackpot today at %s casino", "%s no deposit bonus for every new member", "Trusted online gambling site %s"},
					filler:   []string{"Fast and safe for every player.", "Our support team is ready all day and night.", "Join thousands of happy members today."},
					register: []string{"Register", "Login", "Sign up", "Join now"},
				},
				"id": {
					phrases:  []string{"%s situs slot gacor hari ini gampang maxwin", "Daftar %s agen judi online terpercaya", "Link alternatif %s anti blokir", "%s bandar togel dan slot deposit pulsa tanpa potongan", "Bocoran pola slot gacor %s", "%s situs judi bola resmi"},
					filler:   []string{"Layanan pelanggan siap membantu 24 jam.", "Proses cepat dan aman untuk semua member.", "Bergabunglah bersama ribuan pemain lainnya."},
					register: []string{"Daftar", "Login", "Masuk", "Daftar Sekarang"},
				},
				"vi": {
					phrases:  []string{"%s nhà cái uy tín hàng đầu Việt Nam", "Link vào %s mới nhất không bị chặn", "%s cá cược bóng đá trực tuyến, nổ hũ đổi thưởng", "Đăng ký %s nhận thưởng 100k cho thành viên mới", "%s game bài đổi thưởng, tài xỉu, xóc đĩa", "Soi kèo nhà cái %s hôm nay"},
					filler:   []string{"Hỗ trợ khách hàng 24/7 qua nhiều kênh.", "Giao dịch nhanh chóng và bảo mật tuyệt đối.", "Hàng triệu người chơi đã tin tưởng lựa chọn."},
					register: []string{"Đăng ký", "Đăng nhập", "Nạp tiền"},
				},
				"th": {
					phrases:  []string{"%s สล็อตเว็บตรง แตกง่าย", "%s เว็บพนันออนไลน์ อันดับ 1", "สมัคร %s รับเครดิตฟรี ไม่ต้องฝาก", "%s บาคาร่าออนไลน์ ฝากถอนไม่มีขั้นต่ำ", "แทงบอลออนไลน์กับ %s", "%s คาสิโนออนไลน์ ครบวงจร"},
					filler:   []string{"บริการตลอด 24 ชั่วโมง", "ระบบอัตโนมัติ รวดเร็ว ปลอดภัย", "สมาชิกหลายแสนคนไว้วางใจ"},
					register: []string{"สมัครสมาชิก", "เข้าสู่ระบบ", "ทางเข้า"},
				},
				"pt": {
					phrases:  []string{"%s cassino online com rodadas grátis", "Jogo do tigrinho na %s pagando muito hoje", "%s a melhor casa de apostas do Brasil", "Bônus sem depósito na %s para novos jogadores", "%s plataforma nova de jogos pagando", "Site de apostas %s com saque rápido"},
					filler:   []string{"Atendimento rápido todos os dias.", "Milhares de jogadores já confiam.", "Saque via Pix em minutos."},
					register: []string{"Cadastre-se", "Entrar", "Registrar"},
				},
				"es": {
					phrases:  []string{"%s casino online con giros gratis", "Apuestas deportivas en %s con bono de bienvenida", "%s tragamonedas con dinero real", "Bono sin depósito en %s hoy", "%s la mejor casa de apuestas en línea", "Juega a la ruleta en vivo en %s"},
					filler:   []string{"Retiros rápidos y seguros.", "Atención al cliente todo el día.", "Miles de jugadores ya ganan."},
					register: []string{"Regístrate", "Iniciar sesión", "Registrarse"},
				},
				"zh-Hans": {
					phrases:  []string{"%s 真人百家乐 网上娱乐城", "%s 注册送彩金 首存优惠", "%s 体育投注 在线博彩 官方网站", "%s 老虎机 电子游艺 返水", "%s 网上赌场 时时彩", "%s 棋牌游戏 捕鱼 注册就送"},
					filler:   []string{"安全稳定，出款快速。", "七天二十四小时在线客服。", "百万玩家共同的选择。"},
					register: []string{"立即注册", "登录", "注册"},
				},
				"ko": {
					phrases:  []string{"%s 토토사이트 먹튀검증 완료", "%s 안전놀이터 추천 가입머니 지급", "%s 카지노사이트 바카라사이트", "%s 메이저사이트 첫충 이벤트", "%s 슬롯사이트 꽁머니", "%s 온라인카지노 실시간 바카라"},
					filler:   []string{"고객센터 연중무휴 운영", "빠르고 안전한 환전", "많은 회원이 이용 중입니다"},
					register: []string{"회원가입", "로그인", "가입"},
				},
			},
			syllable: []string{"hoki", "naga", "vua", "sun", "fun", "max", "kim", "raja", "dewa", "ku"},
			stems:    []string{"bet", "win", "vip", "slot"},
			hacked:   []string{"cityparks.example.org", "smalltown-library.example.net", "dental-clinic.example.com", "county-fair.example.org", "university-alumni.example.edu", "bakery-shop.example.co"},
			tlds:     []string{"com", "xyz", "vip", "bet", "top"},
			params:   []string{"daftar", "id", "ref", "page"},
			template: landing,
		}
	}
	return pools{
		langs: map[string]lang{
			"ja": {
				phrases:  []string{"%s オンラインカジノ 入金不要ボーナス", "%s ネットカジノで無料スピン", "%s スポーツベット 公式サイト", "%s バカラ ライブカジノ 登録ボーナス", "%s カジノ 出金早い おすすめ"},
				filler:   []string{"二十四時間サポート対応。", "安心安全の運営です。", "多くのプレイヤーに選ばれています。"},
				register: []string{"登録", "ログイン", "今すぐ登録"},
			},
			"ru": {
				phrases:  []string{"%s онлайн казино рабочее зеркало", "%s бонус без депозита и фриспины", "Игровые автоматы %s играть на деньги", "%s ставки на спорт букмекерская контора", "%s казино онлайн с быстрым выводом денег"},
				filler:   []string{"Поддержка работает круглосуточно.", "Быстрые выплаты на карту.", "Тысячи игроков уже с нами."},
				register: []string{"Регистрация", "Войти"},
			},
			"tr": {
				phrases:  []string{"%s deneme bonusu veren siteler", "%s canlı bahis güncel giriş", "%s casino siteleri bedava bonus", "%s bahis giriş yeni giriş adresi", "%s slot oyunları free spin"},
				filler:   []string{"Hızlı ve güvenli para çekme.", "Yedi gün yirmi dört saat destek.", "Binlerce üye bizi tercih ediyor."},
				register: []string{"Kayıt Ol", "Giriş Yap"},
			},
			"hi": {
				phrases:  []string{"%s ऑनलाइन कैसीनो बोनस", "%s सट्टा मटका रिजल्ट", "%s teen patti real cash game", "%s aviator predictor app", "%s ऑनलाइन सट्टेबाजी साइट"},
				filler:   []string{"चौबीस घंटे सहायता उपलब्ध।", "तेज़ और सुरक्षित निकासी।", "हज़ारों खिलाड़ी हमारे साथ।"},
				register: []string{"रजिस्टर", "लॉगिन"},
			},
			"de": {
				phrases:  []string{"%s Online Casino ohne Lizenz", "%s Freispiele und Bonus ohne Einzahlung", "%s Sportwetten beim besten Wettanbieter", "%s Spielautomaten um Echtgeld", "%s Casino ohne Oasis sofort spielen"},
				filler:   []string{"Schnelle Auszahlung rund um die Uhr.", "Sicher und seriös.", "Tausende Spieler vertrauen uns."},
				register: []string{"Registrieren", "Anmelden", "Jetzt spielen"},
			},
			"fr": {
				phrases:  []string{"%s casino en ligne argent réel", "%s bonus sans dépôt et tours gratuits", "%s paris sportifs en ligne", "%s machines à sous en ligne", "%s meilleur casino en ligne fiable"},
				filler:   []string{"Retraits rapides et sécurisés.", "Service client disponible jour et nuit.", "Des milliers de joueurs nous font confiance."},
				register: []string{"S'inscrire", "Connexion", "Inscription"},
			},
			"ar": {
				phrases:  []string{"%s كازينو اون لاين بونص ترحيبي", "%s مواقع المراهنات الرياضية", "%s لفات مجانية في سلوتس", "%s العاب القمار اون لاين", "%s كازينو أونلاين سحب سريع"},
				filler:   []string{"دعم على مدار الساعة.", "سحب سريع وآمن.", "آلاف اللاعبين يثقون بنا."},
				register: []string{"تسجيل", "دخول"},
			},
			"ms": {
				phrases:  []string{"%s kasino dalam talian terbaik Malaysia", "%s judi dalam talian bonus pendaftaran", "%s slot dalam talian menang besar", "%s pertaruhan sukan dalam talian", "%s free credit tanpa deposit"},
				filler:   []string{"Khidmat pelanggan 24 jam.", "Pengeluaran pantas dan selamat.", "Ribuan pemain telah menyertai."},
				register: []string{"Daftar", "Log Masuk"},
			},
			"zh-Hant": {
				phrases:  []string{"%s 線上娛樂城 真人百家樂", "%s 註冊送體驗金", "%s 運彩投注 老虎機", "%s 線上賭場 彩金優惠", "%s 娛樂城推薦 出金快速"},
				filler:   []string{"全天候客服服務。", "安全穩定，快速出金。", "數萬玩家的信賴之選。"},
				register: []string{"註冊", "登入"},
			},
		},
		syllable: []string{"zeus", "olymp", "king", "lucky", "mega", "royal", "star", "tiger", "gold", "ace"},
		stems:    []string{"casino", "play", "club", "live", "toto"},
		hacked:   []string{"harbour-museum.example.org", "chess-federation.example.net", "organic-farm.example.com", "city-orchestra.example.org", "dog-shelter.example.org", "hiking-club.example.net"},
		tlds:     []string{"cc", "online", "site", "fun", "club", "asia"},
		params:   []string{"promo", "slot", "go", "utm_campaign"},
		template: article,
	}
}

// landing is the tuning half's markup: a hero with buttons, a feature grid
// and an FAQ, in divs.
func landing(r *rand.Rand, p *pageParts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=%q><head><meta charset=utf-8><title>%s</title>", p.lang, esc(p.title))
	fmt.Fprintf(&b, "<meta name=description content=%q></head><body>", esc(p.h1))
	fmt.Fprintf(&b, "<div class=hero><h1>%s</h1><div class=cta>", esc(p.h1))
	for _, btn := range p.buttons {
		fmt.Fprintf(&b, "<a class=btn href=\"https://%s/register?ref=%d\">%s</a> ", p.spamHost, r.IntN(9999), esc(btn))
	}
	b.WriteString("</div></div><div class=content>")
	for _, para := range p.paras {
		fmt.Fprintf(&b, "<div class=card><p>%s</p></div>", esc(para))
	}
	if len(p.faq) > 0 {
		b.WriteString("<div class=faq><h2>FAQ</h2>")
		for _, q := range p.faq {
			fmt.Fprintf(&b, "<div class=q><h3>%s</h3><p>%s</p></div>", esc(q[0]), esc(q[1]))
		}
		b.WriteString("</div>")
	}
	fmt.Fprintf(&b, "</div><footer><p>© 2026 %s</p></footer></body></html>", esc(p.brand))
	return b.String()
}

// article is the held-out half's markup: an article-shaped page with
// JSON-LD, a table of games, a marquee and a sticky bar of buttons.
func article(r *rand.Rand, p *pageParts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=%q><head><title>%s</title>", p.lang, esc(p.title))
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"%s","alternateName":"%s"}</script></head><body>`, esc(p.brand), esc(p.h1))
	fmt.Fprintf(&b, "<header><nav><a href=\"/\">%s</a></nav></header><main><article><header><h1 class=entry-title>%s</h1></header>", esc(p.brand), esc(p.h1))
	fmt.Fprintf(&b, "<marquee>%s</marquee><section class=entry-content>", esc(p.paras[0]))
	for i, para := range p.paras {
		if i == 2 {
			b.WriteString("<table><tr><th>#</th><th>Game</th></tr>")
			for k := range 3 {
				fmt.Fprintf(&b, "<tr><td>%d</td><td><a href=\"https://%s/game/%d\">%s</a></td></tr>", k+1, p.spamHost, r.IntN(999), esc(p.brand))
			}
			b.WriteString("</table>")
		}
		fmt.Fprintf(&b, "<p>%s</p>", esc(para))
	}
	for _, q := range p.faq {
		fmt.Fprintf(&b, "<details><summary>%s</summary><p>%s</p></details>", esc(q[0]), esc(q[1]))
	}
	b.WriteString("</section></article></main><div class=sticky-bar>")
	for _, btn := range p.buttons {
		fmt.Fprintf(&b, "<button onclick=\"location.href='https://%s/'\">%s</button>", p.spamHost, esc(btn))
	}
	b.WriteString("</div></body></html>")
	return b.String()
}
