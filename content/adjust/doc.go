// Package adjust makes the chosen content of a page (package content's
// winning candidate, as blocks) what its page type wants: a run of blocks
// rendered twice dropped (Repeats), a product's sentences said twice
// said once (Sentences), what stands above a listing's,
// collection's or product's heading cut (Lead), the labels ending a
// listing dropped (Tail), the sections of other products and of the
// shop's terms dropped (Others), a product's runs of cards of other
// products, its grids of marks and the headings closing it over nothing
// dropped (Cards, Marks, Empty), and a product's
// schema.org description and name added when the page shows too little of
// them (Describe, Name). Each returns what it dropped or says what it
// added, for the trace.
package adjust
