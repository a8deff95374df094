-- scriptRenew resets the idle time of entries this consumer still holds, so
-- that a live worker keeps its leases however long its entries wait for
-- their host; it returns the IDs it no longer holds (taken by another worker
-- after an expired lease, or finished).
--
-- KEYS stream. ARGV group, consumer, ids...
local lost = {}
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
  else
    lost[#lost + 1] = ARGV[i]
  end
end
return lost
