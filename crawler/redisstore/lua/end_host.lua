-- scriptEndHost ends a request started by scriptStartHost: it drops the
-- token from the host's in-flight set and pushes the host's next start to
-- at least now + wait, in one step, so that no other worker starts in
-- between.
--
-- KEYS hosts, busy. ARGV host, wait_us, token ("" for none).
local t = redis.call('TIME')
local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[2])
if ARGV[3] ~= '' then
  redis.call('ZREM', KEYS[2], ARGV[3])
end
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at < until_us then
  redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', until_us))
end
return 0
