package main

import (
	"fmt"
	"os"

	"github.com/winnowhq/winnow/crawler"
)

// loadJob reads a job file; package crawler owns its format (crawler.ParseJob,
// crawler/JOBS.md).
func loadJob(path string) (*crawler.Job, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("job: %w", err)
	}
	return crawler.ParseJob(path, data)
}
