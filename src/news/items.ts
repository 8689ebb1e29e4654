import type { Redis } from "ioredis";
import { execAll, KEYS, luaScript } from "../redis.js";
import type { Locale } from "../config.js";

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

// A new item and its place in the feed, together. KEYS: seq, items, published. ARGV: the item's JSON
// (its id is its field), its time. Returns the new id.
const PUBLISH = luaScript<number>(`
local id = redis.call("INCR", KEYS[1])
redis.call("HSET", KEYS[2], id, ARGV[1])
redis.call("ZADD", KEYS[3], ARGV[2], id)
return id
`);

// An edit keeps the item's id, time and place in the feed; only an item that exists is edited.
// KEYS: items. ARGV: id, the item's new JSON.
const EDIT = luaScript<number>(`
if redis.call("HEXISTS", KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call("HSET", KEYS[1], ARGV[1], ARGV[2])
return 1
`);

const stored = ({ at, text, photo, link }: Omit<NewsItem, "id">) => JSON.stringify({ at, text, photo, link });
const itemOf = (id: string | number, json: string): NewsItem => ({ ...(JSON.parse(json) as Omit<NewsItem, "id">), id: Number(id) });

/** The news feed: published by editors, read by everyone, newest first. */
export function createNewsStore(redis: Redis) {
  return {
    async publish(item: Omit<NewsItem, "id">): Promise<number> {
      return PUBLISH(redis, [SEQ, ITEMS, PUBLISHED], [stored(item), item.at]);
    },

    async edit(item: NewsItem): Promise<boolean> {
      return (await EDIT(redis, [ITEMS], [item.id, stored(item)])) === 1;
    },

    /** Takes an item out of the feed; it stays stored (for the staff view and the audit), unpublished. */
    async unpublish(id: number): Promise<boolean> {
      return (await redis.zrem(PUBLISHED, String(id))) === 1;
    },

    async get(id: number): Promise<NewsItem | undefined> {
      const json = await redis.hget(ITEMS, String(id));
      return json ? itemOf(id, json) : undefined;
    },

    /** `count` published items from the `offset`-th newest, and how many there are. */
    async page(offset: number, count: number): Promise<NewsPage> {
      const [ids, total] = (await execAll(redis.multi().zrevrange(PUBLISHED, offset, offset + count - 1).zcard(PUBLISHED))) as [string[], number];
      const items = ids.length > 0 ? await redis.hmget(ITEMS, ...ids) : [];
      return { total, items: items.flatMap((json, index) => (json ? [itemOf(ids[index]!, json)] : [])) };
    },
  };
}

export type NewsStore = ReturnType<typeof createNewsStore>;
