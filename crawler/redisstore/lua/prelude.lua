-- prelude.lua holds the helpers shared by the scripts.
--
-- queue puts a payload into the stream, or into delayed when it must wait.
-- enqueue reads "limit, n, n×(url, wait_ms, payload)" from ARGV at i and adds
-- each URL not in seen to seen and to the frontier, stopping when seen holds
-- limit URLs (limit > 0).
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function queue(stream, delayed, wait, payload, now)
  if wait > 0 then
    redis.call('ZADD', delayed, string.format('%.0f', now + wait), payload)
  else
    redis.call('XADD', stream, '*', 'e', payload)
  end
end

local function enqueue(stream, delayed, seen, i, now)
  local limit = tonumber(ARGV[i])
  local n = tonumber(ARGV[i + 1])
  i = i + 2
  local size = 0
  if limit > 0 then
    size = redis.call('SCARD', seen)
  end
  local added = 0
  for _ = 1, n do
    if limit > 0 and size >= limit then
      break
    end
    local url, wait, payload = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
    i = i + 3
    if redis.call('SADD', seen, url) == 1 then
      queue(stream, delayed, wait, payload, now)
      added = added + 1
      size = size + 1
    end
  end
  return added
end
