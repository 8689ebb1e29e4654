import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { answerWithin, KEYS, luaScript } from "../redis.js";

const BUCKET = `${KEYS.broadcasts}bucket`;
const HOLD = `${KEYS.broadcasts}hold`;

// One token bucket in Redis for every worker of every process, on Redis's clock so the processes agree.
// KEYS: bucket, hold. ARGV: messages per second, the most that may go at once, how many are wanted.
// Returns how many may be sent now and, when none, the milliseconds to wait (a 429's pause included).
const TAKE = luaScript<[number, number]>(`
local hold = redis.call("PTTL", KEYS[2])
if hold > 0 then return {0, hold} end
local clock = redis.call("TIME")
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local rate, burst, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local held = redis.call("HMGET", KEYS[1], "tokens", "at")
local tokens = tonumber(held[1]) or burst
local at = tonumber(held[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local granted = math.min(wanted, math.floor(tokens))
redis.call("HSET", KEYS[1], "tokens", tostring(tokens - granted), "at", now)
redis.call("PEXPIRE", KEYS[1], 60000)
if granted > 0 then return {granted, 0} end
return {0, math.max(1, math.ceil((1 - tokens) * 1000 / rate))}
`);

// A 429 holds every worker for Telegram's retry_after; a shorter hold never cuts a longer one short.
const PAUSE = luaScript<number>(`
if redis.call("PTTL", KEYS[1]) < tonumber(ARGV[1]) then redis.call("SET", KEYS[1], "1", "PX", ARGV[1]) end
return 1
`);

/**
 * The pace of all broadcasts together, shared by every worker that reaches this Redis: `perSecond`
 * messages a second on average, at most a twentieth of a second's worth at once. A process asks for tokens
 * for all its waiting sends in one call, so the Redis calls do not grow with the sends in flight.
 */
export function createSendRate(redis: Redis, perSecond: number, logger: Logger) {
  const burst = Math.max(1, Math.floor(perSecond / 20));
  const waiting: Array<() => void> = [];
  let pumping = false;

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        let wait: number;
        try {
          const [granted, ms] = await answerWithin(TAKE(redis, [BUCKET, HOLD], [perSecond, burst, waiting.length]), 5000);
          for (const release of waiting.splice(0, granted)) release();
          wait = granted > 0 ? 0 : ms;
        } catch (err) {
          logger.warn({ err }, "could not take sending tokens from Redis; trying again");
          wait = 1000;
        }
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } finally {
      pumping = false;
    }
  }

  return {
    /** Resolves when one message may be sent. */
    take(): Promise<void> {
      return new Promise((resolve) => {
        waiting.push(resolve);
        void pump();
      });
    },
    /** Telegram answered 429: nobody sends for this long. */
    async hold(ms: number): Promise<void> {
      await PAUSE(redis, [HOLD], [Math.max(1, Math.ceil(ms))]);
    },
  };
}

export type SendRate = ReturnType<typeof createSendRate>;
