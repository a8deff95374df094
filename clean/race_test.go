//go:build race

package clean

func init() { raceEnabled = true }
