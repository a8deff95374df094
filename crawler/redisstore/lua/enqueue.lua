-- scriptEnqueue: KEYS stream, delayed, seen, seen-hosts, left-out, meta;
-- ARGV limit, per_host, n, quads.
return enqueue(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], 1, now_ms())
