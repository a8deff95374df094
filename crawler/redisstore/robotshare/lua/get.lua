-- get returns a host's shared robots.txt answer, or takes the turn to ask
-- for it.
--
-- KEYS answer (a hash: "a" the answer, "retry" the Redis-clock ms after
-- which an unreadable robots.txt is asked again, 0 for never in its
-- lifetime), turn. ARGV hold_ms, token.
-- Returns {answer or false, state, retry_in_ms}: state "answer" (current),
-- "mine" (the caller has the turn; answer is the last one, due), or
-- "wait" (another worker has the turn).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = redis.call('HMGET', KEYS[1], 'a', 'retry')
local retry = tonumber(v[2] or '0')
if v[1] and (retry == 0 or retry > now) then
  local wait = 0
  if retry > 0 then
    wait = retry - now
  end
  return {v[1], 'answer', wait}
end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[1]) then
  return {v[1] or false, 'mine', 0}
end
if redis.call('GET', KEYS[2]) == ARGV[2] then
  return {v[1] or false, 'mine', 0}
end
return {false, 'wait', 0}
