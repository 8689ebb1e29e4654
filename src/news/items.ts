import type { Redis } from "ioredis";
import { execAll, KEYS, luaScript } from "../redis.js";
import { LOCALES, type Locale } from "../config.js";

/** A news item: its text in each language it was written in, an optional photo (a Telegram file id) and link. */
export interface NewsItem {
  id: number;
  /** When it was published (or last published again after an edit keeps this time). */
  at: number;
  text: Partial<Record<Locale, string>>;
  photo?: string;
  link?: string;
}

export interface NewsPage {
  items: NewsItem[];
  /** How many items are published. */
  total: number;
}

const ITEMS = `${KEYS.news}items`;
const PUBLISHED = `${KEYS.news}published`;
const SEQ = `${KEYS.news}seq`;
/** The feed of one language: the published items that have a text in it. */
const feedOf = (locale: Locale) => `${PUBLISHED}:${locale}`;
const FEEDS = LOCALES.map(feedOf);

// A new item and its place in the feeds, together. KEYS: seq, items, published, the feeds. ARGV: the
// item's JSON (its id is its field), its time, "1"/"0" per locale. Returns the new id.
const PUBLISH = luaScript<number>(`
local id = redis.call("INCR", KEYS[1])
redis.call("HSET", KEYS[2], id, ARGV[1])
redis.call("ZADD", KEYS[3], ARGV[2], id)
for i = 4, #KEYS do
  if ARGV[i - 1] == "1" then redis.call("ZADD", KEYS[i], ARGV[2], id) end
end
return id
`);

// An edit keeps the item's id, time and place; a language given a text joins that feed, one left without
// leaves it. Only an item that exists is edited. KEYS: items, published, the feeds. ARGV: id, the item's
// new JSON, its time, "1"/"0" per locale.
const EDIT = luaScript<number>(`
if redis.call("HEXISTS", KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call("HSET", KEYS[1], ARGV[1], ARGV[2])
if redis.call("ZSCORE", KEYS[2], ARGV[1]) then
  for i = 3, #KEYS do
    if ARGV[i + 1] == "1" then redis.call("ZADD", KEYS[i], ARGV[3], ARGV[1]) else redis.call("ZREM", KEYS[i], ARGV[1]) end
  end
end
return 1
`);

// Out of every feed. KEYS: published, the feeds. ARGV: id. Returns 1 when it was published.
const UNPUBLISH = luaScript<number>(`
for i = 2, #KEYS do redis.call("ZREM", KEYS[i], ARGV[1]) end
return redis.call("ZREM", KEYS[1], ARGV[1])
`);

const inLocales = (item: Pick<NewsItem, "text">) => LOCALES.map((locale) => (item.text[locale] ? "1" : "0"));

const stored = ({ at, text, photo, link }: Omit<NewsItem, "id">) => JSON.stringify({ at, text, photo, link });
const itemOf = (id: string | number, json: string): NewsItem => ({ ...(JSON.parse(json) as Omit<NewsItem, "id">), id: Number(id) });

/** The news feed: published by editors, read by everyone, newest first. */
export function createNewsStore(redis: Redis) {
  return {
    async publish(item: Omit<NewsItem, "id">): Promise<number> {
      return PUBLISH(redis, [SEQ, ITEMS, PUBLISHED, ...FEEDS], [stored(item), item.at, ...inLocales(item)]);
    },

    async edit(item: NewsItem): Promise<boolean> {
      return (await EDIT(redis, [ITEMS, PUBLISHED, ...FEEDS], [item.id, stored(item), item.at, ...inLocales(item)])) === 1;
    },

    /** Takes an item out of the feed; it stays stored (for the staff view and the audit), unpublished. */
    async unpublish(id: number): Promise<boolean> {
      return (await UNPUBLISH(redis, [PUBLISHED, ...FEEDS], [id])) === 1;
    },

    async get(id: number): Promise<NewsItem | undefined> {
      const json = await redis.hget(ITEMS, String(id));
      return json ? itemOf(id, json) : undefined;
    },

    /** Whether the item is in the feed. */
    async isPublished(id: number): Promise<boolean> {
      return (await redis.zscore(PUBLISHED, String(id))) !== null;
    },

    /** `count` published items from the `offset`-th newest, and how many there are: all, or those with a text in `locale`. */
    async page(offset: number, count: number, locale?: Locale): Promise<NewsPage> {
      const feed = locale ? feedOf(locale) : PUBLISHED;
      const [ids, total] = (await execAll(redis.multi().zrevrange(feed, offset, offset + count - 1).zcard(feed))) as [string[], number];
      const items = ids.length > 0 ? await redis.hmget(ITEMS, ...ids) : [];
      return { total, items: items.flatMap((json, index) => (json ? [itemOf(ids[index]!, json)] : [])) };
    },
  };
}

export type NewsStore = ReturnType<typeof createNewsStore>;
