import { createHash } from "node:crypto";
import { Redis, type ChainableCommander, type RedisOptions } from "ioredis";

export { Redis };

/** Every Redis key prefix the bot writes, in one place. */
export const KEYS = {
  session: "session:",
  conversation: "conversation:",
  /** Set per staff member, by Telegram id, of the roles granted from the bot (ADMIN_IDS admins are not stored). */
  roles: "roles:",
  /** Hash of staff members' display names by Telegram id, for /staff and /audit; only of people who had a role. */
  staffNames: "staff:names",
  /** Hash of staff members' languages, by Telegram id, for what the bot tells them outside a chat with them. */
  staffLocales: "staff:locales",
  /** The name of someone an admin looked up in /staff, kept a day: it joins `staff:names` if a role is granted. */
  staffCandidate: "staff:candidate:",
  /** Sorted set per private chat: message ids scored by the time they were sent, kept 48 hours. */
  trail: "trail:",
  /**
   * Hash per complaint, by case code: plain status, place type, region, urgency, times to the hour;
   * encrypted content. With `<code>:additions` (encrypted entries) and `<code>:events` (its history).
   */
  case: "case:",
  /**
   * Every case has a number, in the order sent: `cases:count` is how many there are, and `cases:codes`
   * holds their codes end to end, each at its number times the code's length (case-index.ts).
   */
  caseCount: "cases:count",
  caseCodes: "cases:codes",
  /**
   * Bitmaps for the staff's case list, a bit per case number: `cases:bits:status:<status>`,
   * `cases:bits:urgent`, `cases:bits:region:<region>`, `cases:bits:place:<type>`,
   * `cases:bits:assignee:<id>`, and `cases:bits:retained` (closed cases whose personal data awaits
   * deletion); `cases:bits:tmp:…` live only within one script or transaction.
   */
  caseBits: "cases:bits:",
  /** Hash of how many cases were sent in each Bishkek month (`2026-11`), for the statistics. */
  caseMonths: "cases:months",
  /**
   * Sorted sets of case numbers by the hour sent, for the deadlines: `cases:by:new` (still new),
   * `cases:by:awaiting` (not yet acted on); and the markers of the migrations done (`cases:by:version`, `cases:by:layout`).
   */
  casesBy: "cases:by:",
  /** Held by the process migrating earlier versions' data at start (migrations.ts), so others wait. */
  migrationsLock: "migrations:lock",
  /**
   * Hash of how many cases took each number of hours from their sending (its plain hour) to their first
   * action (a referral, a closing, a request for information or a reply to the reporter): for the
   * statistics' median. Earlier versions kept a sorted set of codes, `cases:first-action`.
   */
  firstAction: "cases:first-action-hours",
  /**
   * A reporter's non-anonymous cases: a field named by their pseudonym (a keyed hash of their Telegram id,
   * never the id), holding the codes comma-separated, in the hash named by the pseudonym's first two
   * characters. 4,096 small hashes stay in Redis's compact form (one whose reporter lists six or more cases,
   * or that holds over 128 reporters, becomes a hash table, still smaller than a set per person was).
   */
  owners: "cases:owners:",
  /** Where earlier versions kept a reporter's cases, a set per person: moved to `owners` at start (migrations.ts). */
  ownCases: "cases:own:",
  /** Counters for the limits: new reports per day, code-and-PIN tries per hour. */
  quota: "quota:",
  tries: "tries:",
  /** Per-person update counters of the rate limit. */
  rateLimit: "ratelimit:",
  /** Append-only stream of staff actions (who opened or changed which case, exports, roles), trimmed only once exported. */
  audit: "audit",
  /** The id of the newest audit entry that went out in an export: nothing after it may be trimmed. */
  auditExported: "audit:exported",
  /** Updates recorded but not yet handled (encrypted, by update id), and every update id of the last week. */
  updatesPending: "updates:pending",
  updatesSeen: "updates:seen",
  /**
   * Per person (by pseudonym): `updates:person:<p>`, a sorted set of their recorded updates not yet handled,
   * and `updates:person:<p>:turn`, held by the process handling one of theirs (person-turn.ts).
   */
  updatesPerson: "updates:person:",
  /**
   * The organisation's news: `news:items` (hash of items by id, as JSON), `news:published` (sorted set of
   * the published ids by the time of publishing; `news:published:<locale>` those with a text in that language), `news:seq` (the last id given).
   */
  news: "news:",
  /**
   * Subscribers to the news and broadcasts, each with a number for good: `subscribers` (hash: the person's
   * pseudonym → their number), `subscribers:numbered` (hash: number → language, region and sealed chat id),
   * `subscribers:seq` (the last number given) and `subscribers:counts` (hash: how many there are per
   * language and per language and region, for the audience of a broadcast before it is sent).
   */
  subscribers: "subscribers",
  /**
   * Broadcasts: `broadcast:<id>` (hash: its content as JSON, its state, counters and times),
   * `broadcast:<id>:done` (bitmap: a bit per subscriber number, set once that subscriber was sent it, or
   * failed for good, or blocked the bot), `broadcast:<id>:batches` (bitmap: a bit per batch finished);
   * `broadcasts:seq` (the last id given), `broadcasts:list` (sorted set of ids by creation time),
   * `broadcasts:bucket` and `broadcasts:hold` (the rate shared by every worker, and a pause after a 429).
   */
  broadcast: "broadcast:",
  broadcasts: "broadcasts:",
  /** Hash of jobs written together with the data that caused them, waiting to be moved into BullMQ. */
  outbox: "outbox",
} as const;

export const SESSION_TTL_SECONDS = 180 * 24 * 3600;

export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { lazyConnect: true, enableAutoPipelining: true, ...options });
}

type Reply = string | number | null | Reply[];

/**
 * A Lua script, run atomically by Redis, sent by its hash (EVALSHA) and as text only when Redis does not
 * know it yet (a new or restarted Redis), rather than the whole text on every call.
 */
export function luaScript<R extends Reply = Reply>(lua: string) {
  const sha = createHash("sha1").update(lua).digest("hex");
  return async (redis: Redis, keys: string[], args: Array<string | number | Buffer>): Promise<R> => {
    try {
      return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as R;
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith("NOSCRIPT"))) throw err;
      return (await redis.eval(lua, keys.length, ...keys, ...args)) as R;
    }
  };
}

/** Runs a transaction or pipeline and returns its replies, throwing the first error. */
export async function execAll(batch: ChainableCommander): Promise<unknown[]> {
  return ((await batch.exec()) ?? []).map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/**
 * The reply, or RedisUnavailable after `ms`. After a reconnect ioredis can leave a command that was part of a
 * pipeline unanswered for good (redis/ioredis#800); work that must go on after an outage does not wait on it.
 */
export async function answerWithin<T>(reply: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailable(new Error(`no answer within ${ms} ms`))), ms);
  });
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function pingWithin(redis: Redis, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ping = redis.ping().then((reply) => reply === "PONG", () => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True or false when Redis says whether it persists data; undefined when CONFIG is not allowed. */
export async function persistenceEnabled(redis: Redis): Promise<boolean | undefined> {
  try {
    const [, appendonly] = (await redis.config("GET", "appendonly")) as string[];
    const [, save] = (await redis.config("GET", "save")) as string[];
    return appendonly === "yes" || Boolean(save?.trim());
  } catch {
    return undefined;
  }
}

/** Thrown from handling an update when Redis cannot be reached: the update must be handled again later. */
export class RedisUnavailable extends Error {
  constructor(cause: unknown) {
    super("Redis is unavailable", { cause });
  }
}
