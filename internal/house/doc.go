// Package house keeps the module's code in the shape STYLE.md asks for:
// its test measures every package of the module (and of the bench module
// beside it) from the source and fails when a package holds more than
// maxPackageLines lines of non-test Go, a struct more than maxFields
// fields, or a function outside tests more than maxFuncLines lines without
// a doc comment saying why it runs past 80 lines. Exceptions are listed in
// the test with their reason.
//
// Run it alone to see the figures:
//
//	go test ./internal/house -run House -v
package house
