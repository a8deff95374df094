// Package textscore scores plain text for gambling, betting, casino and
// adult spam with a compiled lexicon (Model): a block of text, a page
// title and its parts, the run of sentences a spam paragraph carries, a
// headline or a block read again on a page about the topic, the rows of a
// data table. Package spam reads a page's DOM with the same Model.
//
// A text is folded (spam/fold), its lexicon terms found (spam/terms) and
// its brand codes read (spam/brand); the Facts of a text add up to a Score
// (spam/evidence) behind the gate, so weak signals alone never count.
package textscore
