import { session, type Context } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";
import { KEYS, SESSION_TTL_SECONDS } from "../redis.js";
import type { SessionData } from "./context.js";

// The language, and later the complaint drafts, belong to the person, not to the chat they write from.
export const sessionKey = (ctx: Context) => ctx.from?.id.toString();

export function sessionMiddleware(redis: Redis) {
  return session<SessionData, Context & { session: SessionData }>({
    getSessionKey: sessionKey,
    prefix: KEYS.session,
    initial: () => ({}),
    storage: new RedisAdapter<SessionData>({ instance: redis, ttl: SESSION_TTL_SECONDS }),
  });
}
