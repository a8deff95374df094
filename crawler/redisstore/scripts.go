package redisstore

import (
	"embed"

	"github.com/redis/go-redis/v9"
)

// The Lua scripts in lua/ are the store's atomic steps, each file with its
// KEYS and ARGV. Redis runs a script without interleaving any other
// command, and with appendonly it writes the script's effects to the AOF as
// one MULTI/EXEC, so each step is all or nothing even across a crash of
// Redis itself. Every script reads the clock
// with TIME, so all workers share the Redis server's clock.
//
// Every script is idempotent as the store calls it: a call retried after a
// lost reply finds its effects already there and changes nothing (XACK
// returns 0 for an acknowledged entry, SADD returns 0 for a seen URL).

//go:embed lua/*.lua
var luaFiles embed.FS

// The scripts, each from its file in lua/.
var (
	scriptEnqueue     = newScript("enqueue", true)
	scriptCommit      = newScript("commit", true)
	scriptClaim       = newScript("claim", true)
	scriptRelease     = newScript("release", false)
	scriptReserveHost = newScript("reserve_host", false)
	scriptHoldHost    = newScript("hold_host", false)
	scriptStartHost   = newScript("start_host", false)
	scriptEndHost     = newScript("end_host", false)
	scriptRenewHosts  = newScript("renew_hosts", false)
	scriptNewRun      = newScript("new_run", false)
	scriptRenew       = newScript("renew", false)
)

// newScript reads lua/name.lua, after lua/prelude.lua (the helpers the
// scripts share) when prelude is set.
func newScript(name string, prelude bool) *redis.Script {
	src := luaFile(name)
	if prelude {
		src = luaFile("prelude") + src
	}
	return redis.NewScript(src)
}

func luaFile(name string) string {
	b, err := luaFiles.ReadFile("lua/" + name + ".lua")
	if err != nil {
		panic(err) // embedded at build time: a missing file is a bug
	}
	return string(b)
}
