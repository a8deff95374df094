-- scriptCommit applies a crawler.Batch.
--
-- KEYS stream, delayed, seen, state, meta, seen-hosts, left-out.
-- ARGV group, checkpoint field, checkpoint (0: unchanged),
-- nDone, ids..., nRetry, (id, wait_ms, payload)..., nStates, (url, json)...,
-- then the enqueue arguments.
--
-- A retried entry goes back only if this call acknowledged it: when another
-- worker already finished it (its lease had expired), it stays finished.
local stream, group = KEYS[1], ARGV[1]
local now = now_ms()
local i = 4
local n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  redis.call('XACK', stream, group, ARGV[i])
  redis.call('XDEL', stream, ARGV[i])
  i = i + 1
end
n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  local id, wait, payload = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  i = i + 3
  if redis.call('XACK', stream, group, id) == 1 then
    redis.call('XDEL', stream, id)
    queue(stream, KEYS[2], wait, payload, now)
  end
end
n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
  i = i + 2
end
if tonumber(ARGV[3]) > 0 then
  redis.call('HSET', KEYS[5], ARGV[2], ARGV[3])
end
return enqueue(stream, KEYS[2], KEYS[3], KEYS[6], KEYS[7], KEYS[5], i, now)
