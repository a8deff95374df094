-- scriptRelease puts claimed entries back at the end of the stream.
--
-- KEYS stream. ARGV group, n, (id, payload)...
local stream, group = KEYS[1], ARGV[1]
local i = 3
for _ = 1, tonumber(ARGV[2]) do
  if redis.call('XACK', stream, group, ARGV[i]) == 1 then
    redis.call('XDEL', stream, ARGV[i])
    redis.call('XADD', stream, '*', 'e', ARGV[i + 1])
  end
  i = i + 2
end
return 0
