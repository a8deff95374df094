package noise

// The test page and the naive scraper serve measure_test.go, which checks
// package leftover (it imports noise, so its test cannot sit in package noise).
var (
	TestSource  = testSource
	VisibleText = visibleText
)

const TestBody = testBody
