import { session, type Context, type NextFunction } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";
import { KEYS, SESSION_TTL_SECONDS } from "../redis.js";
import type { SessionData } from "./context.js";

// The language, and later the complaint drafts, belong to the person, not to the chat they write from.
export const sessionKey = (ctx: Context) => ctx.from?.id.toString();

/** The session's Redis key and value, as the session middleware writes them. */
export const sessionEntry = (ctx: Context & { session: SessionData }): [string, string] => [KEYS.session + sessionKey(ctx), JSON.stringify(ctx.session)];

export function sessionMiddleware(redis: Redis) {
  return session<SessionData, Context & { session: SessionData }>({
    getSessionKey: sessionKey,
    prefix: KEYS.session,
    initial: () => ({}),
    storage: new RedisAdapter<SessionData>({ instance: redis, ttl: SESSION_TTL_SECONDS }),
  });
}

/** How many of a person's latest update ids their session remembers. */
const HANDLED_KEPT = 20;

/**
 * An update recorded in the journal is handed to the bot again after a crash or an outage, and it may have
 * been handled already; its id is saved with the person's session, in the same write as what it changed
 * there, so the second time changes nothing.
 */
export function skipHandled(ctx: Context & { session: SessionData }, next: NextFunction) {
  if (ctx.from === undefined) return next();
  const id = ctx.update.update_id;
  const handled = ctx.session.handled ?? [];
  if (handled.includes(id)) return;
  ctx.session.handled = [...handled.slice(1 - HANDLED_KEPT), id];
  return next();
}
