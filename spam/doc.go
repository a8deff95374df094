// Package spam scores gambling, betting, casino and adult spam on web pages
// as evidence, not as a list of strings.
//
// A lexicon (spam/lexicon/lexicon.yaml, embedded; extended and overridden by
// any rule file's `lexicon:` key) weights terms in many languages, with the
// common legitimate senses in mind, and weights the other signals:
// brand-shaped codes (tk88, 789bet), links to other sites, gambling-shaped
// hosts and paths, unusual top-level domains, anchors glued to the end of a
// real paragraph, hidden ancestry, blocks made of spam links, a code in a
// glued sentence that the page names nowhere else. A link is read as where
// it leads (the target a tracking redirector carries), and a code sent
// through a link shortener counts as one named after its host. Text is
// folded first (fold.Fold): NFKC, case and width folding, zero-width and bidi
// controls removed, look-alike letters of other scripts and styled
// mathematical letters mapped to ASCII, digits standing for letters swapped
// back.
//
// Weak signals (a code's shape, another host, a hidden box, a glued anchor)
// count only when vocabulary or a strong signal opens the gate, so none of
// them alone makes a block spam. A Model (the compiled lexicon, package
// spam/textscore) scores plain text; Analyze reads a page's DOM with it and
// gives one Score per block and per link, with the evidence that fired;
// rules act on the score (match key spam-score in rules/doc.go).
// Analysis.Verdict judges the whole page (a parasite landing page).
//
// A page about gambling writes spam's words too, and second passes read
// them so: running prose on a page whose other prose names the topic
// (the lexicon's topic weights: the everyday names of the activity count
// as the topic even where they weigh as spam), the page's own headline
// (and the topic it adds), a section's heading over prose that uses its
// words, the ad a story quotes as reported speech or sets apart after its
// introduction, the entries of a register (a table of licensed operators
// or of blocked domains, named by the words their ads use). A link the
// page declares as paid (rel="sponsored": a review's link to the casino
// it reviews) is read by its text, not by its host's name.
//
// The concerns it builds on are packages of their own, none importing spam:
// spam/fold (text folding and words), spam/lexicon (the lexicon file and the
// signals it weights), spam/textscore (the compiled lexicon scoring plain
// text: a block, a title, a sentence run, a table's rows), spam/terms (the
// lexicon's terms found in a text), spam/brand (brand codes and the hosts
// and paths read like them), spam/hidden (how markup and style sheets hide a
// box), spam/anchor (a link's host, path and place in its paragraph),
// spam/evidence (how evidence adds up to a Score behind the gate),
// spam/sentence (sentence bounds and the run of sentences that carries the
// spam), spam/promo (a promotion's figures and code numbers),
// spam/stranger (a sentence, line or glued link in words or a script its
// page does not use, carrying a code, handle, phone number or domain: spam
// in a language the lexicon does not know) and spam/verdict (the verdict from
// what Analyze measured).
package spam
