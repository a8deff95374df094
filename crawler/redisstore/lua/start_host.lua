-- scriptStartHost starts a request to a host when fewer than limit are in
-- flight, across every worker, and the host's next start has passed: it
-- adds the caller's token to the host's in-flight set, with a lease, and
-- moves the next start to now + delay (spacing starts when limit > 1).
-- Tokens whose lease expired (a dead worker's) are dropped first. A call
-- retried after a lost reply finds its token there and succeeds again.
--
-- KEYS hosts, busy (the host's in-flight set). ARGV host, delay_us, limit,
-- token, lease_us, took_us. Returns {"1", now} when started, else
-- {"0", at, now} where at is when to ask again: the next start or, while
-- the set is full, when the host is likely free: the latest start (the
-- next start less the delay) plus took_us (the caller's estimate of how
-- long a request to the host takes, 0 when it has none) plus the delay; at
-- least now + delay without an estimate, since a request ending now still
-- holds the host for the delay; and no later than the first lease expiry.
-- Times are in µs of the Redis clock, as decimal strings.
local hosts, busy, host = KEYS[1], KEYS[2], ARGV[1]
local delay, limit, token, took = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[6])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function us(x) return string.format('%.0f', x) end
redis.call('ZREMRANGEBYSCORE', busy, '-inf', us(now))
if redis.call('ZSCORE', busy, token) then
  return {'1', us(now)}
end
local at = tonumber(redis.call('HGET', hosts, host) or '0')
local n = redis.call('ZCARD', busy)
if now >= at and n < limit then
  redis.call('ZADD', busy, us(now + tonumber(ARGV[5])), token)
  if at < now + delay then
    redis.call('HSET', hosts, host, us(now + delay))
  end
  return {'1', us(now)}
end
if n >= limit then
  local free = now + delay
  if took > 0 then
    free = math.max(at + took, now + math.min(delay, took))
  end
  local first = redis.call('ZRANGE', busy, 0, 0, 'WITHSCORES')
  at = math.max(at, math.min(free, tonumber(first[2])))
end
return {'0', us(at), us(now)}
