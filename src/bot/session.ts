import { session, type Context, type NextFunction } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS, SESSION_TTL_SECONDS } from "../redis.js";
import { recordedAsNew } from "../updates/dispatcher.js";
import type { SessionData } from "./context.js";

/**
 * The name of everything kept per person (session, form, limits): the keyed pseudonym of their Telegram id,
 * so whoever reads Redis without DATA_KEY cannot tell whose it is (the cipher keeps recent ones in memory).
 * The session belongs to the person, not to the chat they write from.
 */
export const personKeyOf = (cipher: Cipher) => (ctx: Context): string | undefined =>
  ctx.from === undefined ? undefined : cipher.pseudonym(String(ctx.from.id));

export type PersonKey = ReturnType<typeof personKeyOf>;

/** The session's Redis key and value, as the session middleware writes them. */
export const sessionEntry = (ctx: Context & { session: SessionData }, personKey: PersonKey): [string, string] => [KEYS.session + personKey(ctx), JSON.stringify(ctx.session)];

/**
 * The session middleware, and `readAhead`, which starts reading the person's session earlier in the chain:
 * the read is then on its way to Redis while the middleware between them sends what it needs (the rate
 * limit's count, see index.ts), so an update waits for one round trip instead of two.
 */
export function sessionStore(redis: Redis, personKey: PersonKey) {
  const storage = new RedisAdapter<SessionData>({ instance: redis, ttl: SESSION_TTL_SECONDS });
  const early = new Map<string, Promise<SessionData | undefined>>();
  const readAhead = async (ctx: Context, next: NextFunction) => {
    const person = personKey(ctx);
    if (person === undefined) return next();
    const key = KEYS.session + person;
    const read = storage.read(key);
    // Whoever takes the read sees its failure; one that nobody takes (a dropped update) must not crash.
    read.catch(() => undefined);
    early.set(key, read);
    try {
      await next();
    } finally {
      early.delete(key);
    }
  };
  const middleware = session<SessionData, Context & { session: SessionData }>({
    getSessionKey: personKey,
    prefix: KEYS.session,
    initial: () => ({}),
    storage: {
      read(key) {
        const read = early.get(key);
        early.delete(key);
        return read ?? storage.read(key);
      },
      write: (key, value) => storage.write(key, value),
      delete: (key) => storage.delete(key),
    },
  });
  return { readAhead, middleware };
}

/** How many of a person's latest update ids their session remembers. */
const HANDLED_KEPT = 20;

/**
 * An update recorded in the journal is handed to the bot again after a crash or an outage, and it may have
 * been handled already; its id is saved with the person's session, in the same write as what it changed
 * there, so the second time changes nothing.
 */
export async function skipHandled(ctx: Context & { session: SessionData }, next: NextFunction) {
  // Handed over while still being recorded (see the dispatcher): acted on only if the journal took it as new.
  if (!(await recordedAsNew(ctx.update))) return;
  if (ctx.from === undefined) return next();
  const id = ctx.update.update_id;
  const handled = ctx.session.handled ?? [];
  if (handled.includes(id)) return;
  ctx.session.handled = [...handled.slice(1 - HANDLED_KEPT), id];
  return next();
}
