#!/usr/bin/env bash
# The whole test suite: what README.md tells a new user to run, and what CI runs.
# Installs what the tests need (redis-server for the distributed crawl tests)
# when it is missing, then vets and tests the main module (the concurrent
# packages again under -race) and the bench module.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing redis-server (needed by the distributed crawl tests)..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "warning: redis-server not found and cannot be installed here; Redis tests will skip (and fail under CI=true)" >&2
  fi
fi

echo "== go vet"
go vet ./...
echo "== go test (main module)"
go test -count=1 ./...
# The packages that run work concurrently (the cleaner's pools, the batch's
# workers, the crawler's dispatch and schedules, the CLI's signals) again
# under the race detector.
echo "== go test -race (concurrent packages)"
go test -race -count=1 ./clean ./rules ./internal/batch ./crawler ./crawler/dispatch ./crawler/schedule ./crawler/fetch ./cmd/winnow
if [ -f bench/go.mod ]; then
  echo "== go test (bench module: quality gate)"
  (cd bench && go vet ./... && go test -count=1 ./...)
fi
