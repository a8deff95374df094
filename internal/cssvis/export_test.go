package cssvis

// EmptyRectForTest is emptyRect, for the external tests.
var EmptyRectForTest = emptyRect
