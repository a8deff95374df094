package content

import (
	"github.com/winnowhq/winnow/content/facets"
	"golang.org/x/net/html"
)

// withFacets returns f with the filter options under root found, when f
// treats them as furniture.
func (f Furniture) withFacets(root *html.Node) Furniture {
	if f.Has(Facets) && root != nil {
		f.facets, f.filters = facets.Find(root)
	}
	return f
}
