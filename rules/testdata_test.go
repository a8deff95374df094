package rules

import (
	"io/fs"
	"os"
)

func testdataFS() fs.FS { return os.DirFS("testdata/bad") }
