-- scriptEnqueue: KEYS stream, delayed, seen; ARGV limit, n, triples.
return enqueue(KEYS[1], KEYS[2], KEYS[3], 1, now_ms())
