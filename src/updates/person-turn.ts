import { randomUUID } from "node:crypto";
import type { Context, NextFunction } from "grammy";
import { KEYS, luaScript, type Redis } from "../redis.js";
import { recordedAsNew } from "./dispatcher.js";
import { personQueueKey } from "./person.js";

const lockKey = (person: string) => `${KEYS.updatesPerson}${person}:turn`;

/** A turn is held this long unless renewed; a process that died frees its person's turn by then. */
const TURN_MS = 10_000;
// Turns are held by the process: within it, sequentialize (after this) has each person's updates one at a
// time, in the order they got the turn.
const PROCESS = randomUUID();

// Whether this update may be handled now: not when it was handled already (recorded, and no longer
// pending), nor while an earlier one of theirs waits, nor while another process holds their turn. (A copy
// that comes between the turn's end and the journal's «done» goes on, and the session's list of handled
// updates drops it: see skipHandled.)
// The turn counts this process's updates of the person inside it (sequentialize has them one at a time).
// An earlier id left in the queue whose update is no longer pending at all is a leftover, and goes.
// KEYS: the person's queue, their turn, seen, pending. ARGV: update id, this process, turn ms.
// Returns "go", "wait" or "done".
const TAKE = luaScript<string>(`
local id = tonumber(ARGV[1])
if redis.call("ZSCORE", KEYS[3], ARGV[1]) and redis.call("HEXISTS", KEYS[4], ARGV[1]) == 0 then return "done" end
while true do
  local first = redis.call("ZRANGE", KEYS[1], 0, 0)[1]
  if not first or tonumber(first) >= id then break end
  if redis.call("HEXISTS", KEYS[4], first) == 1 then return "wait" end
  redis.call("ZREM", KEYS[1], first)
end
local holder = redis.call("HGET", KEYS[2], "by")
if holder and holder ~= ARGV[2] then return "wait" end
redis.call("HSET", KEYS[2], "by", ARGV[2])
redis.call("HINCRBY", KEYS[2], "inside", 1)
redis.call("PEXPIRE", KEYS[2], ARGV[3])
return "go"
`);

// KEYS: the person's queue, their turn. ARGV: update id, this process, "1" to take the update out of the queue.
const LEAVE = luaScript<number>(`
if ARGV[3] == "1" then redis.call("ZREM", KEYS[1], ARGV[1]) end
if redis.call("HGET", KEYS[2], "by") == ARGV[2] and redis.call("HINCRBY", KEYS[2], "inside", -1) <= 0 then redis.call("DEL", KEYS[2]) end
return 1
`);

// KEYS: their turn. ARGV: this process, turn ms.
const RENEW = luaScript<number>(`
if redis.call("HGET", KEYS[1], "by") ~= ARGV[1] then return 0 end
return redis.call("PEXPIRE", KEYS[1], ARGV[2])
`);

/**
 * One person's updates one at a time and in order over every process that handles updates (several
 * webhook processes behind a load balancer), held in Redis; the in-process sequentialize, which comes
 * after it, orders them within one process. An update waits while an earlier one of the same person is
 * still recorded and not handled, or while another process holds the person's turn; a copy of one already
 * handled elsewhere (a catch-up after a crash) is dropped. It comes before sequentialize so that an update
 * waiting here for an earlier one never blocks that earlier one in this process.
 */
export function personTurn(redis: Redis, personKey: (ctx: Context) => string | undefined) {
  return async (ctx: Context, next: NextFunction) => {
    const person = personKey(ctx);
    if (person === undefined) return next();
    const keys = [personQueueKey(person), lockKey(person)];
    const holder = PROCESS;
    const id = ctx.update.update_id;
    for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
      const turn = await TAKE(redis, [...keys, KEYS.updatesSeen, KEYS.updatesPending], [id, holder, TURN_MS]);
      if (turn === "done") return;
      if (turn === "go") break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    const renewal = setInterval(() => void RENEW(redis, [keys[1]!], [holder, TURN_MS]).catch(() => undefined), TURN_MS / 3);
    try {
      await next();
    } finally {
      clearInterval(renewal);
      // Only the copy the journal took as new leaves the queue: a copy Telegram sent twice does not, while
      // the first may still wait for this turn.
      await LEAVE(redis, keys, [id, holder, (await recordedAsNew(ctx.update)) ? "1" : "0"]);
    }
  };
}
