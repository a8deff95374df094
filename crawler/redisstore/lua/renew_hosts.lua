-- scriptRenewHosts extends the lease of in-flight tokens still held, and
-- returns the tokens lost (their lease expired and another worker dropped
-- them).
--
-- KEYS busy sets, one per token. ARGV lease_us, tokens...
local t = redis.call('TIME')
local until_us = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[1]))
local lost = {}
for i = 1, #KEYS do
  if redis.call('ZSCORE', KEYS[i], ARGV[i + 1]) then
    redis.call('ZADD', KEYS[i], until_us, ARGV[i + 1])
  else
    lost[#lost + 1] = ARGV[i + 1]
  end
end
return lost
