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

const SUBSCRIBERS = KEYS.subscribers;
const COUNTS = `${KEYS.subscribers}:counts`;

// A subscription is stored as "<locale>|<region>|<sealed chat id>" under the person's pseudonym; the counts
// per language and per language and region change with it, in the same script, so they always add up.
// Every script takes the person's current pseudonym and those under earlier DATA_KEYs: a subscription made
// before a key rotation is found, and moved to the current one.
const SUBSCRIPTION = `
local function count(value, by)
  local locale, region = string.match(value, "^([^|]*)|([^|]*)|")
  redis.call("HINCRBY", KEYS[2], locale, by)
  if region ~= "" then redis.call("HINCRBY", KEYS[2], locale .. ":" .. region, by) end
end
-- Takes the person's subscription out (under any of their pseudonyms, ARGV[first..]); returns it, or nil.
local function take(first)
  local found = nil
  for i = first, #ARGV do
    local value = redis.call("HGET", KEYS[1], ARGV[i])
    if value then
      count(value, -1)
      redis.call("HDEL", KEYS[1], ARGV[i])
      found = value
    end
  end
  return found
end
local function put(pseudonym, value)
  redis.call("HSET", KEYS[1], pseudonym, value)
  count(value, 1)
end
`;

// KEYS: subscribers, counts. ARGV: the new value, then the pseudonyms (the current one first).
// Returns 1 for a new subscription, 0 when it replaced one.
const SUBSCRIBE = luaScript<number>(`${SUBSCRIPTION}
local previous = take(2)
put(ARGV[2], ARGV[1])
if previous then return 0 end
return 1
`);

// KEYS: subscribers, counts. ARGV: the pseudonyms. Returns 1 when there was a subscription.
const UNSUBSCRIBE = luaScript<number>(`${SUBSCRIPTION}
if take(1) then return 1 end
return 0
`);

// The subscription follows the person's language. KEYS: subscribers, counts. ARGV: the new language, then
// the pseudonyms (the current one first). Returns 1 when there was a subscription.
const FOLLOW = luaScript<number>(`${SUBSCRIPTION}
local previous = take(2)
if not previous then return 0 end
put(ARGV[2], ARGV[1] .. string.match(previous, "^[^|]*(|.*)$"))
return 1
`);

// The region of a subscription ("" for none); only a subscription that exists changes. KEYS: subscribers,
// counts. ARGV: the region, then the pseudonyms (the current one first). Returns 1 when there was one.
const REGION = luaScript<number>(`${SUBSCRIPTION}
local previous = take(2)
if not previous then return 0 end
local locale, sealed = string.match(previous, "^([^|]*)|[^|]*|(.*)$")
put(ARGV[2], locale .. "|" .. ARGV[1] .. "|" .. sealed)
return 1
`);

/**
 * Subscribers, by the keyed pseudonym like every other per-person key. The chat id a delivery needs is
 * sealed (Redis alone does not tie a subscription to a Telegram account); language and region are plain,
 * so an audience is counted without opening anything.
 */
export function createSubscribers(redis: Redis, cipher: Cipher) {
  const pseudonyms = (personId: number) => [cipher.pseudonym(String(personId)), ...cipher.oldPseudonyms(String(personId))];
  const keys = [SUBSCRIBERS, COUNTS];
  const parse = (value: string): Subscription => {
    const [locale, region] = value.split("|");
    return { locale: locale as Locale, ...(region ? { region: region as Region } : {}) };
  };

  return {
    /** Subscribes the person (or changes their subscription); true when they were not subscribed before. */
    async subscribe(personId: number, chatId: number, { locale, region }: Subscription): Promise<boolean> {
      const value = [locale, region ?? "", cipher.encrypt(String(chatId))].join("|");
      return (await SUBSCRIBE(redis, keys, [value, ...pseudonyms(personId)])) === 1;
    },

    /** True when the person was subscribed. */
    async unsubscribe(personId: number): Promise<boolean> {
      return (await UNSUBSCRIBE(redis, keys, pseudonyms(personId))) === 1;
    },

    /** The person's subscription in their new language; false when they have none. */
    async followLanguage(personId: number, locale: Locale): Promise<boolean> {
      return (await FOLLOW(redis, keys, [locale, ...pseudonyms(personId)])) === 1;
    },

    /** The subscription's region (none: only what goes to everyone); false when the person has no subscription. */
    async setRegion(personId: number, region: Region | undefined): Promise<boolean> {
      return (await REGION(redis, keys, [region ?? "", ...pseudonyms(personId)])) === 1;
    },

    async subscription(personId: number): Promise<Subscription | undefined> {
      const values = await redis.hmget(SUBSCRIBERS, ...pseudonyms(personId));
      const value = values.find((candidate) => candidate !== null);
      return value ? parse(value) : undefined;
    },

    /** How many subscribers a broadcast to this audience would reach. */
    async count({ locale, region }: Audience, locales: readonly Locale[]): Promise<number> {
      const fields = (locale ? [locale] : locales).map((each) => (region ? `${each}:${region}` : each));
      return (await redis.hmget(COUNTS, ...fields)).reduce((sum, value) => sum + Number(value ?? 0), 0);
    },
  };
}

export type Subscribers = ReturnType<typeof createSubscribers>;
