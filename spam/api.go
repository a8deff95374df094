package spam

import (
	"github.com/winnowhq/winnow/spam/hidden"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/textscore"
	"go.yaml.in/yaml/v4"
)

// Lexicon is one lexicon file's content (package lexicon).
type Lexicon = lexicon.Lexicon

// Signal is one kind of evidence, weighted by the lexicon.
type Signal = lexicon.Signal

// Sheet holds the classes and ids a page's style sheets hide (package hidden).
type Sheet = hidden.Sheet

// ParseLexicon reads the value of a `lexicon:` key (lexicon.Parse).
func ParseLexicon(n *yaml.Node, errorf lexicon.ErrorFunc) *Lexicon { return lexicon.Parse(n, errorf) }

// Builtin returns the lexicon embedded in winnow.
func Builtin() (*Lexicon, error) { return lexicon.Builtin() }

// ParseSheet reads the classes and ids a page's <style> text hides.
func ParseSheet(css string) *Sheet { return hidden.ParseSheet(css) }

// Model is a compiled lexicon (package textscore): it scores plain text,
// and Analyze reads a page's DOM with it.
type Model = textscore.Model

// Compile builds a Model from lexicons in order (textscore.Compile).
func Compile(lexicons ...*Lexicon) (*Model, error) { return textscore.Compile(lexicons...) }

// Default returns the model of the built-in lexicon, compiled once.
var Default = textscore.Default
