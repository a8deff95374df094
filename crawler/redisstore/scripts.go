package redisstore

import "github.com/redis/go-redis/v9"

// The Lua scripts below are the store's atomic steps. Redis runs a script
// without interleaving any other command, and with appendonly it writes the
// script's effects to the AOF as one MULTI/EXEC, so each step is all or
// nothing even across a crash of Redis itself. Every script reads the clock
// with TIME, so all workers share the Redis server's clock.
//
// Every script is idempotent as the store calls it: a call retried after a
// lost reply finds its effects already there and changes nothing (XACK
// returns 0 for an acknowledged entry, SADD returns 0 for a seen URL).

// luaPrelude holds the helpers shared by the scripts.
//
// queue puts a payload into the stream, or into delayed when it must wait.
// enqueue reads "limit, n, n×(url, wait_ms, payload)" from ARGV at i and adds
// each URL not in seen to seen and to the frontier, stopping when seen holds
// limit URLs (limit > 0).
const luaPrelude = `
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
`

// scriptEnqueue: KEYS stream, delayed, seen; ARGV limit, n, triples.
var scriptEnqueue = redis.NewScript(luaPrelude + `
return enqueue(KEYS[1], KEYS[2], KEYS[3], 1, now_ms())
`)

// scriptCommit applies a crawler.Batch.
//
// KEYS stream, delayed, seen, state, meta.
// ARGV group, checkpoint field, checkpoint (0: unchanged),
// nDone, ids..., nRetry, (id, wait_ms, payload)..., nStates, (url, json)...,
// then the enqueue arguments.
//
// A retried entry goes back only if this call acknowledged it: when another
// worker already finished it (its lease had expired), it stays finished.
var scriptCommit = redis.NewScript(luaPrelude + `
local stream, group = KEYS[1], ARGV[1]
local now = now_ms()
local i = 4
local n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  redis.call('XACK', stream, group, ARGV[i])
  redis.call('XDEL', stream, ARGV[i])
  i = i + 1
end
n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  local id, wait, payload = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  i = i + 3
  if redis.call('XACK', stream, group, id) == 1 then
    redis.call('XDEL', stream, id)
    queue(stream, KEYS[2], wait, payload, now)
  end
end
n = tonumber(ARGV[i])
i = i + 1
for _ = 1, n do
  redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
  i = i + 2
end
if tonumber(ARGV[3]) > 0 then
  redis.call('HSET', KEYS[5], ARGV[2], ARGV[3])
end
return enqueue(stream, KEYS[2], KEYS[3], i, now)
`)

// scriptClaim leases up to max entries.
//
// KEYS stream, delayed, meta, state, workers. ARGV group, consumer, max,
// lease_ms, entries held by this worker.
// Returns id1, payload1, state1, id2, payload2, state2, ... where a state is
// the URL's stored state or false: the crawler reads it next, and this
// saves it a round trip per page. Entries taken back from another worker
// get "" instead: their dead worker may still commit their state when it
// restarts and replays its index, so it is read when needed.
//
// It first moves due delayed entries into the stream, then takes entries
// idle in the pending list for longer than the lease (XAUTOCLAIM, resuming
// its scan of the pending list where the last call stopped), then reads new
// entries (XREADGROUP ">"), at most this worker's fair share of the
// frontier beyond what it holds, but at least 8 (fewer round trips when
// the crawler asks for more to find hosts that are not waiting).
var scriptClaim = redis.NewScript(luaPrelude + `
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
`)

// scriptRelease puts claimed entries back at the end of the stream.
//
// KEYS stream. ARGV group, n, (id, payload)...
var scriptRelease = redis.NewScript(`
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
`)

// scriptReserveHost hands out the next request start for a host.
//
// KEYS hosts. ARGV host, delay_us. Returns the reserved start and the
// current time, both in µs of the Redis clock, as decimal strings (a Lua
// number would lose digits on the way).
var scriptReserveHost = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at < now then
  at = now
end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', at + tonumber(ARGV[2])))
return {string.format('%.0f', at), string.format('%.0f', now)}
`)

// scriptHoldHost pushes a host's next start to at least now + wait.
//
// KEYS hosts. ARGV host, wait_us.
var scriptHoldHost = redis.NewScript(`
local t = redis.call('TIME')
local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[2])
local at = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if at < until_us then
  redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', until_us))
end
return 0
`)

// scriptStartHost starts a request to a host when fewer than limit are in
// flight, across every worker, and the host's next start has passed: it
// adds the caller's token to the host's in-flight set, with a lease, and
// moves the next start to now + delay (spacing starts when limit > 1).
// Tokens whose lease expired (a dead worker's) are dropped first. A call
// retried after a lost reply finds its token there and succeeds again.
//
// KEYS hosts, busy (the host's in-flight set). ARGV host, delay_us, limit,
// token, lease_us, took_us. Returns {"1", now} when started, else
// {"0", at, now} where at is when to ask again: the next start or, while
// the set is full, when the host is likely free: the latest start (the
// next start less the delay) plus took_us (the caller's estimate of how
// long a request to the host takes, 0 when it has none) plus the delay; at
// least now + delay without an estimate, since a request ending now still
// holds the host for the delay; and no later than the first lease expiry.
// Times are in µs of the Redis clock, as decimal strings.
var scriptStartHost = redis.NewScript(`
local hosts, busy, host = KEYS[1], KEYS[2], ARGV[1]
local delay, limit, token, took = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[6])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function us(x) return string.format('%.0f', x) end
redis.call('ZREMRANGEBYSCORE', busy, '-inf', us(now))
if redis.call('ZSCORE', busy, token) then
  return {'1', us(now)}
end
local at = tonumber(redis.call('HGET', hosts, host) or '0')
local n = redis.call('ZCARD', busy)
if now >= at and n < limit then
  redis.call('ZADD', busy, us(now + tonumber(ARGV[5])), token)
  if at < now + delay then
    redis.call('HSET', hosts, host, us(now + delay))
  end
  return {'1', us(now)}
end
if n >= limit then
  local free = now + delay
  if took > 0 then
    free = math.max(at + took, now + math.min(delay, took))
  end
  local first = redis.call('ZRANGE', busy, 0, 0, 'WITHSCORES')
  at = math.max(at, math.min(free, tonumber(first[2])))
end
return {'0', us(at), us(now)}
`)

// scriptEndHost ends a request started by scriptStartHost: it drops the
// token from the host's in-flight set and pushes the host's next start to
// at least now + wait, in one step, so that no other worker starts in
// between.
//
// KEYS hosts, busy. ARGV host, wait_us, token ("" for none).
var scriptEndHost = redis.NewScript(`
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
`)

// scriptRenewHosts extends the lease of in-flight tokens still held, and
// returns the tokens lost (their lease expired and another worker dropped
// them).
//
// KEYS busy sets, one per token. ARGV lease_us, tokens...
var scriptRenewHosts = redis.NewScript(`
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
`)

// scriptNewRun empties the seen set and the frontier, but only when the
// frontier is empty: several workers starting one crawl at once each call
// NewRun, and the later calls must not wipe what the first one enqueued.
//
// KEYS stream, delayed, seen, meta. ARGV group, force ("1" or "0").
// Returns 1 when it started a new run.
var scriptNewRun = redis.NewScript(`
if ARGV[2] ~= '1' and (redis.call('XLEN', KEYS[1]) > 0 or redis.call('ZCARD', KEYS[2]) > 0) then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('HDEL', KEYS[4], 'cursor')
redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
return 1
`)

// scriptRenew resets the idle time of entries this consumer still holds, so
// that a live worker keeps its leases however long its entries wait for
// their host; it returns the IDs it no longer holds (taken by another worker
// after an expired lease, or finished).
//
// KEYS stream. ARGV group, consumer, ids...
var scriptRenew = redis.NewScript(`
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
`)
