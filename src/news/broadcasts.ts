import type { Redis } from "ioredis";
import { LOCALES, type Locale } from "../config.js";
import type { OutboxEntry } from "../jobs/outbox.js";
import { KEYS, luaScript } from "../redis.js";
import type { Audience } from "./subscribers.js";

export const BROADCASTS_QUEUE = "broadcasts";

/** Subscribers are sent a broadcast in batches of this many numbers; a multiple of 8, so a batch is whole bytes of the bitmap. */
export const BATCH = 128;

/**
 * awaiting: a second editor must approve it; scheduled: approved, waiting for its time; sending; paused;
 * then done, cancelled, or rejected (by the second editor).
 */
export const BROADCAST_STATES = ["awaiting", "scheduled", "sending", "paused", "done", "cancelled", "rejected"] as const;
export type BroadcastState = (typeof BROADCAST_STATES)[number];

export interface BroadcastContent {
  /** The text per language; a subscriber whose language has none is sent nothing. */
  text: Partial<Record<Locale, string>>;
  /** A Telegram file id: the text is then its caption. */
  photo?: string;
  link?: string;
  audience: Audience;
}

export interface Broadcast extends BroadcastContent {
  id: number;
  author: number;
  state: BroadcastState;
  createdAt: number;
  /** Not before this time; the time it was approved or created when it was to go at once. */
  sendAt: number;
  approvedBy?: number;
  /** How many subscribers it was for when it started, and what became of them. */
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  /** The highest subscriber number it goes to (those who subscribe later are not sent it), and its batches. */
  last: number;
  batches: number;
  finished: number;
  /** Raised by each resume: the batches queued before a pause stop at once when they see a newer one. */
  generation: number;
  /** The author's status message, edited as it goes. */
  status?: { chatId: number; messageId: number };
  endedAt?: number;
}

/** How long after a cancel its report is made: longer than a worker trusts what it read of the state, plus a send. */
const REPORT_SETTLE_MS = 3000;

const SEQ = `${KEYS.broadcasts}seq`;
const LIST = `${KEYS.broadcasts}list`;
const key = (id: number) => `${KEYS.broadcast}${id}`;
export const doneKey = (id: number) => `${key(id)}:done`;
const batchesKey = (id: number) => `${key(id)}:batches`;

/** The jobs of a broadcast; BullMQ refuses ":" in a job id. */
export const broadcastJobs = {
  approval: (id: number): OutboxEntry => ({ id: `b${id}-approval`, queue: BROADCASTS_QUEUE, name: "approval", data: { id } }),
  start: (id: number, generation: number, at?: number): OutboxEntry => ({
    id: `b${id}-g${generation}-start`, queue: BROADCASTS_QUEUE, name: "start", data: { id, generation }, ...(at === undefined ? {} : { at }),
  }),
  report: (id: number, at?: number): OutboxEntry => ({ id: `b${id}-report`, queue: BROADCASTS_QUEUE, name: "report", data: { id }, ...(at === undefined ? {} : { at }) }),
};
const outboxArgs = (entry: OutboxEntry | undefined) => (entry ? [entry.id, JSON.stringify(entry)] : ["", ""]);

// A change of state, only from the states allowed, with the fields it sets and the job it causes (into the
// outbox, in the same script). KEYS: broadcast, outbox. ARGV: allowed states as "|a|b|", the new state,
// the generation it must be in to raise it by one ("" to leave it), outbox field ("" for none), outbox
// entry, then field and value pairs. Returns "ok", or the state it was in ("" for none).
const MOVE = luaScript<string>(`
local state, generation = unpack(redis.call("HMGET", KEYS[1], "state", "generation"))
if not state or not string.find(ARGV[1], "|" .. state .. "|", 1, true) then return state or "" end
if ARGV[3] ~= "" then
  if generation ~= ARGV[3] then return state end
  redis.call("HSET", KEYS[1], "generation", tonumber(ARGV[3]) + 1, "queued", 0)
end
redis.call("HSET", KEYS[1], "state", ARGV[2])
for i = 6, #ARGV, 2 do redis.call("HSET", KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[4] ~= "" then redis.call("HSET", KEYS[2], ARGV[4], ARGV[5]) end
return "ok"
`);

// The start of sending: the subscribers up to the last number given now, in batches. Run again (a crash,
// or the first run's job retried) it changes nothing. KEYS: broadcast, outbox. ARGV: generation, last
// number, batches, total, now, report outbox field, report entry. Returns "ok", or the state it is in.
const START = luaScript<string>(`
local state, generation = unpack(redis.call("HMGET", KEYS[1], "state", "generation"))
if state == "sending" and generation == ARGV[1] then return "ok" end
if state ~= "scheduled" then return state or "" end
redis.call("HSET", KEYS[1], "state", "sending", "last", ARGV[2], "batches", ARGV[3], "total", ARGV[4], "startedAt", ARGV[5])
if ARGV[3] == "0" then
  redis.call("HSET", KEYS[1], "state", "done", "endedAt", ARGV[5])
  redis.call("HSET", KEYS[2], ARGV[6], ARGV[7])
end
return "ok"
`);

// A subscriber's delivery, counted once however often it is marked. KEYS: done bitmap, broadcast.
// ARGV: number, the counter ("sent", "failed", "blocked"). Returns 1 when it was not marked before.
const MARK = luaScript<number>(`
if redis.call("SETBIT", KEYS[1], ARGV[1], 1) == 1 then return 0 end
redis.call("HINCRBY", KEYS[2], ARGV[2], 1)
return 1
`);

// A batch finished, counted once; the last one ends the broadcast and puts its report in the outbox. With
// batch -1 it only checks whether all are finished: a batch may finish while the broadcast is paused, and
// resuming it then has nothing left to queue. KEYS: batches bitmap, broadcast, outbox. ARGV: batch, now,
// report outbox field, report entry. Returns "done" when this ended the broadcast.
const FINISH = luaScript<string>(`
local finished
if ARGV[1] == "-1" then
  finished = tonumber(redis.call("HGET", KEYS[2], "finished") or "0")
else
  if redis.call("SETBIT", KEYS[1], ARGV[1], 1) == 1 then return "" end
  finished = redis.call("HINCRBY", KEYS[2], "finished", 1)
end
local state, batches = unpack(redis.call("HMGET", KEYS[2], "state", "batches"))
if state ~= "sending" or finished < tonumber(batches) then return "" end
redis.call("HSET", KEYS[2], "state", "done", "endedAt", ARGV[2])
redis.call("HSET", KEYS[3], ARGV[3], ARGV[4])
return "done"
`);

// KEYS: broadcast. ARGV: generation, batches queued. Returns 0 when the broadcast is in another generation.
const QUEUED = luaScript<number>(`
if redis.call("HGET", KEYS[1], "generation") ~= ARGV[1] then return 0 end
redis.call("HSET", KEYS[1], "queued", ARGV[2])
return 1
`);

const NUMBERS = ["author", "createdAt", "sendAt", "approvedBy", "total", "sent", "failed", "blocked", "last", "batches", "finished", "generation", "endedAt", "queued"] as const;

function parse(id: number, hash: Record<string, string>): Broadcast | undefined {
  if (!hash.content) return undefined;
  const number = (field: (typeof NUMBERS)[number]) => Number(hash[field] ?? 0);
  return {
    ...(JSON.parse(hash.content) as BroadcastContent),
    id,
    author: number("author"),
    state: hash.state as BroadcastState,
    createdAt: number("createdAt"),
    sendAt: number("sendAt"),
    ...(hash.approvedBy ? { approvedBy: number("approvedBy") } : {}),
    total: number("total"),
    sent: number("sent"),
    failed: number("failed"),
    blocked: number("blocked"),
    last: number("last"),
    batches: number("batches"),
    finished: number("finished"),
    generation: number("generation"),
    ...(hash.statusChat ? { status: { chatId: Number(hash.statusChat), messageId: Number(hash.statusMessage) } } : {}),
    ...(hash.endedAt ? { endedAt: number("endedAt") } : {}),
  };
}

/** The locales a broadcast reaches: its audience's, and only those it has a text for. */
export const localesOf = (broadcast: Pick<BroadcastContent, "text" | "audience">) =>
  LOCALES.filter((locale) => broadcast.text[locale] && (!broadcast.audience.locale || broadcast.audience.locale === locale));

export type MoveResult = "ok" | "absent" | BroadcastState;

/** Broadcasts and their delivery records. Every change of state is one script, with the job it causes. */
export function createBroadcasts(redis: Redis) {
  const move = async (id: number, from: BroadcastState[], to: BroadcastState, options: { fromGeneration?: number; entry?: OutboxEntry; fields?: Record<string, string | number> } = {}): Promise<MoveResult> => {
    const pairs = Object.entries(options.fields ?? {}).flat();
    const generation = options.fromGeneration === undefined ? "" : String(options.fromGeneration);
    const result = await MOVE(redis, [key(id), KEYS.outbox], [`|${from.join("|")}|`, to, generation, ...outboxArgs(options.entry), ...pairs]);
    return result === "" ? "absent" : (result as MoveResult);
  };

  const store = {
    /**
     * A new broadcast, waiting for a second editor's approval, or, without approval, scheduled for its time
     * (`sendAt`, or at once); either way the job that follows goes into the outbox with it.
     */
    async create(content: BroadcastContent, author: number, options: { approval: boolean; sendAt?: number; now?: number }): Promise<Broadcast> {
      const now = options.now ?? Date.now();
      const id = await redis.incr(SEQ);
      const state: BroadcastState = options.approval ? "awaiting" : "scheduled";
      const sendAt = options.sendAt ?? now;
      const entry = options.approval ? broadcastJobs.approval(id) : broadcastJobs.start(id, 0, sendAt);
      await redis
        .multi()
        .hset(key(id), { content: JSON.stringify(content), author, state, createdAt: now, sendAt, generation: 0 })
        .zadd(LIST, now, id)
        .hset(KEYS.outbox, entry.id, JSON.stringify(entry))
        .exec();
      return (await store.get(id))!;
    },

    async get(id: number): Promise<Broadcast | undefined> {
      return parse(id, await redis.hgetall(key(id)));
    },

    /** The newest broadcasts first. */
    async recent(count: number): Promise<Broadcast[]> {
      const ids = (await redis.zrevrange(LIST, 0, count - 1)).map(Number);
      return (await Promise.all(ids.map((id) => store.get(id)))).filter((item) => item !== undefined);
    },

    /** The second editor's approval: never the author's own (the caller checks that, the author never changes). */
    approve: (id: number, approver: number, sendAt: number) =>
      move(id, ["awaiting"], "scheduled", { fields: { approvedBy: approver, sendAt }, entry: broadcastJobs.start(id, 0, sendAt) }),
    reject: (id: number, by: number, now = Date.now()) => move(id, ["awaiting"], "rejected", { fields: { rejectedBy: by, endedAt: now } }),
    pause: (id: number) => move(id, ["sending"], "paused"),
    /** Sending goes on from where it stopped: a new generation of its start job queues the batches not finished. */
    async resume(id: number): Promise<MoveResult> {
      const generation = (await store.get(id))?.generation ?? 0;
      return move(id, ["paused"], "sending", { fromGeneration: generation, entry: broadcastJobs.start(id, generation + 1) });
    },
    /** Once sending began, its author gets the report of what was sent. */
    async cancel(id: number, now = Date.now()): Promise<MoveResult> {
      const before = await move(id, ["awaiting", "scheduled"], "cancelled", { fields: { endedAt: now } });
      if (before !== "sending" && before !== "paused") return before;
      // The report waits for the sends already under way when it was cancelled, so that it counts them.
      return move(id, ["sending", "paused"], "cancelled", { fields: { endedAt: now }, entry: broadcastJobs.report(id, now + REPORT_SETTLE_MS) });
    },

    /** Begins sending to the subscribers numbered 1 to `last`; "ok" also when it began already in this generation. */
    async start(id: number, generation: number, last: number, total: number, now = Date.now()): Promise<MoveResult> {
      const report = broadcastJobs.report(id);
      const result = await START(redis, [key(id), KEYS.outbox], [generation, last, last === 0 ? 0 : Math.floor(last / BATCH) + 1, total, now, report.id, JSON.stringify(report)]);
      return result === "" ? "absent" : (result as MoveResult);
    },

    /** How far the start job has queued the batches of a generation, so a start job run again goes on from there. */
    async queued(id: number): Promise<number> {
      return Number((await redis.hget(key(id), "queued")) ?? 0);
    },
    /** False when the broadcast is in another generation now (resumed): that one's start job queues its own. */
    async setQueued(id: number, generation: number, batches: number): Promise<boolean> {
      return (await QUEUED(redis, [key(id)], [generation, batches])) === 1;
    },

    /** Whether the subscriber with this number was dealt with already. */
    async isHandled(id: number, number: number): Promise<boolean> {
      return (await redis.getbit(doneKey(id), number)) === 1;
    },

    /** Batches already finished, as a bitmap (Redis's bit order: the first batch is the highest bit of the first byte). */
    async finishedBatches(id: number): Promise<Buffer> {
      return (await redis.getBuffer(batchesKey(id))) ?? Buffer.alloc(0);
    },

    /** The subscribers of numbers `from` to `to` already handled, as a set of numbers. */
    async handled(id: number, from: number, to: number): Promise<Set<number>> {
      const bytes = (await redis.getrangeBuffer(doneKey(id), Math.floor(from / 8), Math.floor(to / 8))) ?? Buffer.alloc(0);
      const handled = new Set<number>();
      for (let number = from; number <= to; number++) {
        const byte = bytes[Math.floor(number / 8) - Math.floor(from / 8)] ?? 0;
        if (byte & (0x80 >> number % 8)) handled.add(number);
      }
      return handled;
    },

    /** Records what became of one subscriber; true the first time. */
    async mark(id: number, number: number, outcome: "sent" | "failed" | "blocked"): Promise<boolean> {
      return (await MARK(redis, [doneKey(id), key(id)], [number, outcome])) === 1;
    },

    /** A batch is finished (-1: none, only the check); "done" when that ended the broadcast. */
    async finishBatch(id: number, batch: number, now = Date.now()): Promise<"done" | ""> {
      const report = broadcastJobs.report(id);
      return (await FINISH(redis, [batchesKey(id), key(id), KEYS.outbox], [batch, now, report.id, JSON.stringify(report)])) as "done" | "";
    },

    async setStatusMessage(id: number, chatId: number, messageId: number): Promise<void> {
      await redis.hset(key(id), "statusChat", chatId, "statusMessage", messageId);
    },

    /** Totals over every broadcast, for the statistics. */
    async totals(): Promise<{ broadcasts: number; sent: number; failed: number; blocked: number }> {
      const ids = await redis.zrange(LIST, "0", "-1");
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hmget(key(Number(id)), "sent", "failed", "blocked");
      const rows = ((await pipeline.exec()) ?? []).map(([, row]) => (row as Array<string | null>).map(Number));
      const sum = (index: number) => rows.reduce((total, row) => total + (row[index] || 0), 0);
      return { broadcasts: ids.length, sent: sum(0), failed: sum(1), blocked: sum(2) };
    },
  };
  return store;
}

export type Broadcasts = ReturnType<typeof createBroadcasts>;
