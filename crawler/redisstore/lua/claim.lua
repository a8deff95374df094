-- scriptClaim leases up to max entries.
--
-- KEYS stream, delayed, meta, state, workers. ARGV group, consumer, max,
-- lease_ms, entries held by this worker.
-- Returns id1, payload1, state1, id2, payload2, state2, ... where a state is
-- the URL's stored state or false: the crawler reads it next, and this
-- saves it a round trip per page. Entries taken back from another worker
-- get "" instead: their dead worker may still commit their state when it
-- restarts and replays its index, so it is read when needed.
--
-- It first moves due delayed entries into the stream, then takes entries
-- idle in the pending list for longer than the lease (XAUTOCLAIM, resuming
-- its scan of the pending list where the last call stopped), then reads new
-- entries (XREADGROUP ">"), at most this worker's fair share of the
-- frontier beyond what it holds, but at least 8 (fewer round trips when
-- the crawler asks for more to find hosts that are not waiting).
local stream, delayed, meta, state, workers = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local group, consumer, max = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = now_ms()
redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
local due = redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, 256 + max)
for _, p in ipairs(due) do
  redis.call('XADD', stream, '*', 'e', p)
  redis.call('ZREM', delayed, p)
end
local out = {}
local function take(entries, fresh)
  for _, e in ipairs(entries) do
    if type(e) == 'table' and type(e[2]) == 'table' then
      for k = 1, #e[2], 2 do
        if e[2][k] == 'e' then
          local p = e[2][k + 1]
          local ok, d = pcall(cjson.decode, p)
          out[#out + 1] = e[1]
          out[#out + 1] = p
          if not fresh then
            out[#out + 1] = ''
          else
            out[#out + 1] = ok and type(d) == 'table' and d.u and redis.call('HGET', state, d.u) or false
          end
        end
      end
    end
  end
end
local cursor = redis.call('HGET', meta, 'cursor') or '0-0'
local r = redis.call('XAUTOCLAIM', stream, group, consumer, ARGV[4], cursor, 'COUNT', max)
redis.call('HSET', meta, 'cursor', r[1])
take(r[2], false)
-- Fair share: new entries are spread over the workers that claimed in the
-- last ten seconds, so that a worker polling first does not take a small
-- frontier whole while the others wait (a crawl's start and end); but at
-- least 8 at a time.
redis.call('ZADD', workers, now, consumer)
redis.call('ZREMRANGEBYSCORE', workers, '-inf', now - 3600000)
local live = redis.call('ZCOUNT', workers, now - 10000, '+inf')
local share = math.ceil(redis.call('XLEN', stream) / math.max(live, 1)) - tonumber(ARGV[5])
local want = math.min(max - #out / 3, math.max(share, 8))
if want > 0 then
  local rg = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', want, 'STREAMS', stream, '>')
  if rg then
    take(rg[1][2], true)
  end
end
return out
