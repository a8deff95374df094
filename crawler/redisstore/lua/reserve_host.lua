-- scriptReserveHost hands out the next request start for a host.
--
-- KEYS hosts. ARGV host, delay_us. Returns the reserved start and the
-- current time, both in µs of the Redis clock, as decimal strings (a Lua
-- number would lose digits on the way).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at < now then
  at = now
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', at + tonumber(ARGV[2])))
return {string.format('%.0f', at), string.format('%.0f', now)}
