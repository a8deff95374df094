-- scriptHoldHost pushes a host's next start to at least now + wait.
--
-- KEYS hosts. ARGV host, wait_us.
local t = redis.call('TIME')
local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[2])
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at < until_us then
  redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', until_us))
end
return 0
