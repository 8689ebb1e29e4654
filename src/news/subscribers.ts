import type { Redis } from "ioredis";
import type { Locale } from "../config.js";
import type { Cipher } from "../crypto.js";
import type { Region } from "../complaints/model.js";
import { KEYS, luaScript } from "../redis.js";

/** What a subscriber receives in: their language, and their region when they gave one (for regional campaigns). */
export interface Subscription {
  locale: Locale;
  region?: Region;
}

/** Who a broadcast goes to: every subscriber, or those of a language and/or a region. */
export interface Audience {
  locale?: Locale;
  region?: Region;
}

/** A subscriber as a delivery sees them: their number, where they receive, and in which language. */
export interface Recipient extends Subscription {
  number: number;
  chatId: number;
}

const POINTERS = KEYS.subscribers;
const NUMBERED = `${KEYS.subscribers}:numbered`;
const COUNTS = `${KEYS.subscribers}:counts`;
const SEQ = `${KEYS.subscribers}:seq`;

// Every subscriber has a number, kept for good (a broadcast walks the numbers in batches and marks each one
// delivered in a bitmap): `subscribers` maps the person's pseudonym to it, `subscribers:numbered` the number
// to "<locale>|<region>|<sealed chat id>". The counts per language and per language and region change in the
// same script, so they always add up. Scripts take the person's current pseudonym and those under earlier
// DATA_KEYs: a subscription made before a key rotation is found, and moved to the current one.
// KEYS: pointers, numbered, counts, seq.
const SUBSCRIPTION = `
local function count(value, by)
  local locale, region = string.match(value, "^([^|]*)|([^|]*)|")
  redis.call("HINCRBY", KEYS[3], locale, by)
  if region ~= "" then redis.call("HINCRBY", KEYS[3], locale .. ":" .. region, by) end
end
-- The person's number and subscription, found under any of their pseudonyms (ARGV[first..], the current one
-- first) and kept under the current one. A second subscription (one under an earlier key and one since) goes.
local function find(first)
  local number, value = nil, nil
  for i = first, #ARGV do
    local found = redis.call("HGET", KEYS[1], ARGV[i])
    if found then
      if i > first then redis.call("HDEL", KEYS[1], ARGV[i]) end
      local held = redis.call("HGET", KEYS[2], found)
      if held and not value then
        number, value = found, held
      elseif not number then
        number = found
      elseif held then
        count(held, -1)
        redis.call("HDEL", KEYS[2], found)
      end
    end
  end
  if number then redis.call("HSET", KEYS[1], ARGV[first], number) end
  return number, value
end
local function put(number, old, new)
  if old then count(old, -1) end
  if new then
    redis.call("HSET", KEYS[2], number, new)
    count(new, 1)
  else
    redis.call("HDEL", KEYS[2], number)
  end
end
`;

// ARGV: the new value, then the pseudonyms. Returns 1 for a new subscription, 0 when it replaced one.
const SUBSCRIBE = luaScript<number>(`${SUBSCRIPTION}
local number, value = find(2)
if not number then
  number = redis.call("INCR", KEYS[4])
  redis.call("HSET", KEYS[1], ARGV[2], number)
end
put(number, value, ARGV[1])
if value then return 0 end
return 1
`);

// ARGV: the pseudonyms. Returns 1 when there was a subscription.
const UNSUBSCRIBE = luaScript<number>(`${SUBSCRIPTION}
local number, value = find(1)
if not number then return 0 end
redis.call("HDEL", KEYS[1], ARGV[1])
put(number, value, nil)
if value then return 1 end
return 0
`);

// The subscription follows the person's language. ARGV: the new language, then the pseudonyms. Returns 1
// when there was a subscription.
const FOLLOW = luaScript<number>(`${SUBSCRIPTION}
local number, value = find(2)
if not value then return 0 end
put(number, value, ARGV[1] .. string.match(value, "^[^|]*(|.*)$"))
return 1
`);

// The region of a subscription ("" for none); only a subscription that exists changes. ARGV: the region,
// then the pseudonyms. Returns 1 when there was one.
const REGION = luaScript<number>(`${SUBSCRIPTION}
local number, value = find(2)
if not value then return 0 end
local locale, sealed = string.match(value, "^([^|]*)|[^|]*|(.*)$")
put(number, value, locale .. "|" .. ARGV[1] .. "|" .. sealed)
return 1
`);

// Ends the subscription under a number (Telegram said the person blocked the bot); the pointer stays, so
// subscribing again gets the same number. ARGV: the number. Returns 1 when there was one.
const DROP = luaScript<number>(`${SUBSCRIPTION}
local value = redis.call("HGET", KEYS[2], ARGV[1])
if not value then return 0 end
put(ARGV[1], value, nil)
return 1
`);

// Earlier builds kept the value itself under the pseudonym: numbered here, one at a time, each only if it
// still is in that form, so two processes at once or a crash midway leave it right. ARGV: the pseudonym.
const NUMBER = luaScript<number>(`
local value = redis.call("HGET", KEYS[1], ARGV[1])
if not value or not string.find(value, "|", 1, true) then return 0 end
local number = redis.call("INCR", KEYS[4])
redis.call("HSET", KEYS[2], number, value)
redis.call("HSET", KEYS[1], ARGV[1], number)
return 1
`);

const KEYS_OF = [POINTERS, NUMBERED, COUNTS, SEQ];

const parse = (value: string): Subscription => {
  const [locale, region] = value.split("|");
  return { locale: locale as Locale, ...(region ? { region: region as Region } : {}) };
};

/** Gives numbers to subscriptions stored by an earlier build (at start, see migrations.ts). */
export async function numberSubscribers(redis: Redis): Promise<number> {
  let moved = 0;
  let cursor = "0";
  do {
    const [next, flat] = await redis.hscan(POINTERS, cursor, "COUNT", 500);
    cursor = next;
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i + 1]!.includes("|")) moved += await NUMBER(redis, KEYS_OF, [flat[i]!]);
    }
  } while (cursor !== "0");
  return moved;
}

/**
 * Subscribers, by the keyed pseudonym like every other per-person key. The chat id a delivery needs is
 * sealed (Redis alone does not tie a subscription to a Telegram account); language and region are plain,
 * so an audience is counted without opening anything.
 */
export function createSubscribers(redis: Redis, cipher: Cipher) {
  const pseudonyms = (personId: number) => [cipher.pseudonym(String(personId)), ...cipher.oldPseudonyms(String(personId))];

  /** How many subscribers a broadcast to this audience would reach, for each language. */
  async function countByLocale({ locale, region }: Audience, locales: readonly Locale[]): Promise<Record<Locale, number>> {
    const chosen = locale ? [locale] : locales;
    const values = await redis.hmget(COUNTS, ...chosen.map((each) => (region ? `${each}:${region}` : each)));
    return Object.fromEntries(locales.map((each) => [each, chosen.includes(each) ? Math.max(0, Number(values[chosen.indexOf(each)] ?? 0)) : 0])) as Record<Locale, number>;
  }

  return {
    countByLocale,

    /** Subscribes the person (or changes their subscription); true when they were not subscribed before. */
    async subscribe(personId: number, chatId: number, { locale, region }: Subscription): Promise<boolean> {
      const value = [locale, region ?? "", cipher.encrypt(String(chatId))].join("|");
      return (await SUBSCRIBE(redis, KEYS_OF, [value, ...pseudonyms(personId)])) === 1;
    },

    /** True when the person was subscribed. */
    async unsubscribe(personId: number): Promise<boolean> {
      return (await UNSUBSCRIBE(redis, KEYS_OF, pseudonyms(personId))) === 1;
    },

    /** Ends the subscription of the subscriber with this number (they blocked the bot); true when there was one. */
    async drop(number: number): Promise<boolean> {
      return (await DROP(redis, KEYS_OF, [number])) === 1;
    },

    /** The person's subscription in their new language; false when they have none. */
    async followLanguage(personId: number, locale: Locale): Promise<boolean> {
      return (await FOLLOW(redis, KEYS_OF, [locale, ...pseudonyms(personId)])) === 1;
    },

    /** The subscription's region (none: only what goes to everyone); false when the person has no subscription. */
    async setRegion(personId: number, region: Region | undefined): Promise<boolean> {
      return (await REGION(redis, KEYS_OF, [region ?? "", ...pseudonyms(personId)])) === 1;
    },

    async subscription(personId: number): Promise<Subscription | undefined> {
      const numbers = (await redis.hmget(POINTERS, ...pseudonyms(personId))).filter((number) => number !== null);
      const values = numbers.length > 0 ? await redis.hmget(NUMBERED, ...numbers) : [];
      const value = values.find((candidate) => candidate !== null);
      return value ? parse(value) : undefined;
    },

    /** The highest number given so far: a broadcast goes to the subscribers numbered up to it when it starts. */
    async lastNumber(): Promise<number> {
      return Number((await redis.get(SEQ)) ?? 0);
    },

    /** The subscribers numbered `from` to `to` (both included) who still are subscribed. */
    async numbered(from: number, to: number): Promise<Recipient[]> {
      if (to < from) return [];
      const numbers = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      const values = await redis.hmget(NUMBERED, ...numbers.map(String));
      return values.flatMap((value, index) => {
        if (!value) return [];
        const sealed = value.slice(value.indexOf("|", value.indexOf("|") + 1) + 1);
        return [{ ...parse(value), number: numbers[index]!, chatId: Number(cipher.decrypt(sealed)) }];
      });
    },

    /** How many subscribers a broadcast to this audience would reach. */
    async count(audience: Audience, locales: readonly Locale[]): Promise<number> {
      return Object.values(await countByLocale(audience, locales)).reduce((sum, value) => sum + value, 0);
    },

    /** Every count kept: per language (`ky`) and per language and region (`ky:osh`), for the statistics. */
    async counts(): Promise<Record<string, number>> {
      return Object.fromEntries(Object.entries(await redis.hgetall(COUNTS)).map(([field, value]) => [field, Number(value)]));
    },
  };
}

export type Subscribers = ReturnType<typeof createSubscribers>;
