package crawler

// FileName exposes fileName to the external tests.
var FileName = fileName
