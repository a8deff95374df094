-- prelude.lua holds the helpers shared by the scripts.
--
-- queue puts a payload into the stream, or into delayed when it must wait.
-- enqueue reads "limit, per_host, n, n×(url, host, wait_ms, payload)" from
-- ARGV at i and adds each URL not in seen to seen and to the frontier,
-- stopping when seen holds limit URLs (limit > 0), and leaving out the URLs
-- of a host that has per_host URLs in seen (per_host > 0; counted in hosts).
-- A URL left out for a limit (and not in seen) is recorded once per run in
-- the set left, up to max_left URLs, and counted in meta's "left:pages" or
-- "left:host". A quad with an empty payload is a URL deeper than the job's
-- max_depth: never queued, recorded as "depth URL" and counted in
-- "left:depth", and uncounted when the URL is admitted later in the run.
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

local max_left = 100000 -- frontier.MaxLeftOut

local function leave_out(seen, left, meta, url, field, member)
  if redis.call('SISMEMBER', seen, url) == 0 and redis.call('SCARD', left) < max_left
      and redis.call('SADD', left, member or url) == 1 then
    redis.call('HINCRBY', meta, field, 1)
  end
end

local function enqueue(stream, delayed, seen, hosts, left, meta, i, now)
  local limit = tonumber(ARGV[i])
  local per_host = tonumber(ARGV[i + 1])
  local n = tonumber(ARGV[i + 2])
  i = i + 3
  local size = 0
  if limit > 0 then
    size = redis.call('SCARD', seen)
  end
  local added = 0
  for _ = 1, n do
    local url, host, wait, payload = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3]
    i = i + 4
    local room = per_host <= 0 or tonumber(redis.call('HGET', hosts, host) or '0') < per_host
    if payload == '' then
      leave_out(seen, left, meta, url, 'left:depth', 'depth ' .. url)
    elseif limit > 0 and size >= limit then
      leave_out(seen, left, meta, url, 'left:pages')
    elseif not room then
      leave_out(seen, left, meta, url, 'left:host')
    elseif redis.call('SADD', seen, url) == 1 then
      if redis.call('SREM', left, 'depth ' .. url) == 1 then
        redis.call('HINCRBY', meta, 'left:depth', -1)
      end
      queue(stream, delayed, wait, payload, now)
      added = added + 1
      size = size + 1
      if per_host > 0 then
        redis.call('HINCRBY', hosts, host, 1)
      end
    end
  end
  return added
end
