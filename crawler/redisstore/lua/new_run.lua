-- scriptNewRun empties the seen set and the frontier, but only when the
-- frontier is empty: several workers starting one crawl at once each call
-- NewRun, and the later calls must not wipe what the first one enqueued.
--
-- KEYS stream, delayed, seen, meta, seen-hosts, left-out. ARGV group,
-- force ("1" or "0").
-- Returns 1 when it started a new run.
if ARGV[2] ~= '1' and (redis.call('XLEN', KEYS[1]) > 0 or redis.call('ZCARD', KEYS[2]) > 0) then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[5], KEYS[6])
redis.call('HDEL', KEYS[4], 'cursor', 'left:pages', 'left:host', 'left:depth')
redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
return 1
