-- scriptEnqueue: KEYS stream, delayed, seen, seen-hosts; ARGV limit,
-- per_host, n, quads.
return enqueue(KEYS[1], KEYS[2], KEYS[3], KEYS[4], 1, now_ms())
