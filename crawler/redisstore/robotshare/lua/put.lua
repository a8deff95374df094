-- put shares a host's robots.txt answer and ends the caller's turn.
--
-- KEYS answer, turn. ARGV answer, retry_in_ms (0: never asked again in
-- its lifetime), ttl_ms, token.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local retry = 0
if tonumber(ARGV[2]) > 0 then
  retry = now + tonumber(ARGV[2])
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'a', ARGV[1], 'retry', string.format('%.0f', retry))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if redis.call('GET', KEYS[2]) == ARGV[4] then
  redis.call('DEL', KEYS[2])
end
return 0
