import type { Redis } from "ioredis";
import { KEYS } from "../redis.js";

export interface AuditEntry {
  /** The stream id, like 1718000000000-0: it starts with the time the entry was written. */
  id: string;
  at: number;
  action: string;
  /** `staff:<telegram id>` for everything staff do. */
  actor: string;
  code?: string;
  /** Any other field: the case's new assignee, the role granted and to whom, what an audit view showed. */
  details: Record<string, string>;
}

/** Entries about one case, or those by one staff member or changing their roles; with neither, all. */
export interface AuditFilter {
  code?: string;
  staff?: number;
}

export const staffActor = (id: number) => `staff:${id}`;

/** The Telegram id in an actor like `staff:12345`. */
export function actorId(actor: string): number | undefined {
  const id = /^staff:(\d+)$/.exec(actor)?.[1];
  return id === undefined ? undefined : Number(id);
}

/**
 * How an actor is written to the stream: a staff member by their Telegram id alone, which Redis keeps as a
 * number in a few bytes (`staff:<id>` took 16 in every entry); "reporter" and "retention" as they are.
 * entryOf reads either.
 */
export const storedActor = (actor: string) => actorId(actor)?.toString() ?? actor;

export function entryOf([id, fields]: [string, string[]]): AuditEntry {
  const { action = "", actor = "", code, ...details } = Object.fromEntries(fields.flatMap((value, index) => (index % 2 === 0 ? [[value, fields[index + 1] ?? ""]] : [])));
  return { id, at: Number(id.split("-")[0]), action, actor: /^\d+$/.test(actor) ? staffActor(Number(actor)) : actor, ...(code ? { code } : {}), details };
}

function matches(entry: AuditEntry, { code, staff }: AuditFilter): boolean {
  if (code !== undefined && entry.code !== code) return false;
  return staff === undefined || entry.actor === staffActor(staff) || entry.details.target === String(staff);
}

const parts = (id: string) => id.split("-").map(BigInt) as [bigint, bigint];

/** Stream ids in the order Redis keeps them: by time, then by sequence. */
export function compareIds(a: string, b: string): number {
  const [[aMs, aSeq], [bMs, bSeq]] = [parts(a), parts(b)];
  return aMs === bMs ? Number(aSeq - bSeq) : Number(aMs - bMs);
}

/** The smallest stream id after `id`. */
export function idAfter(id: string): string {
  const [ms, seq] = parts(id);
  return `${ms}-${seq + 1n}`;
}

const CHUNK = 200;

/**
 * Up to `want` entries that pass the filter, walking from `start` (an id, or one after "(") newest first
 * or oldest first, reading at most `scanLimit` entries; a filter that matches rarely thus costs a bounded
 * read per page. `stoppedAt` is the last entry read, for going on from there.
 */
async function collect(redis: Redis, newestFirst: boolean, start: string, filter: AuditFilter, want: number, scanLimit: number) {
  const found: AuditEntry[] = [];
  let cursor = start;
  let read = 0;
  let stoppedAt: string | undefined;
  while (read < scanLimit) {
    const batch = newestFirst
      ? await redis.xrevrange(KEYS.audit, cursor, "-", "COUNT", CHUNK)
      : await redis.xrange(KEYS.audit, cursor, "+", "COUNT", CHUNK);
    for (const raw of batch) {
      read++;
      stoppedAt = raw[0];
      const entry = entryOf(raw);
      if (matches(entry, filter)) found.push(entry);
      if (found.length === want || read === scanLimit) return { found, stoppedAt, ended: false };
    }
    if (batch.length < CHUNK) return { found, stoppedAt, ended: true };
    cursor = `(${stoppedAt}`;
  }
  return { found, stoppedAt, ended: false };
}

/** Where a page starts: the newest entries, those older than an id, or those newer than one. */
export type AuditCursor = { older: string } | { newer: string } | undefined;

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Cursors for «Older» and «Newer», when there may be entries that way. */
  older?: string;
  newer?: string;
}

export interface AuditLog {
  write(action: string, actor: string, details?: Record<string, string>): Promise<void>;
  page(filter: AuditFilter, cursor: AuditCursor, count: number): Promise<AuditPage>;
  /** Every entry up to `last`, oldest first, read a chunk at a time. */
  entries(last: string): AsyncIterable<AuditEntry>;
  newestId(): Promise<string | undefined>;
  /**
   * Records that every entry up to `id` has gone out in an export. Two exports finishing together could
   * leave the earlier id: trimming then keeps more than it could, never less.
   */
  markExported(id: string): Promise<void>;
}

/** How many entries one page may read to find its matches; «Older» goes on from where it stopped. */
export const AUDIT_SCAN_LIMIT = 5000;

export function createAuditLog(redis: Redis, scanLimit = AUDIT_SCAN_LIMIT): AuditLog {
  async function page(filter: AuditFilter, cursor: AuditCursor, count: number): Promise<AuditPage> {
    if (cursor && "newer" in cursor) {
      const { found, stoppedAt, ended } = await collect(redis, false, `(${cursor.newer}`, filter, count + 1, scanLimit);
      if (found.length === 0 && ended) return page(filter, undefined, count);
      const entries = found.slice(0, count).reverse();
      const newer = found.length > count ? entries[0]!.id : ended ? undefined : stoppedAt;
      return { entries, newer, older: entries.at(-1)?.id ?? cursor.newer };
    }
    const { found, stoppedAt, ended } = await collect(redis, true, cursor ? `(${cursor.older}` : "+", filter, count + 1, scanLimit);
    const entries = found.slice(0, count);
    const older = found.length > count ? entries.at(-1)!.id : ended ? undefined : stoppedAt;
    return { entries, older, newer: cursor ? (entries[0]?.id ?? cursor.older) : undefined };
  }

  return {
    async write(action, actor, details = {}) {
      await redis.xadd(KEYS.audit, "*", "action", action, "actor", storedActor(actor), ...Object.entries(details).flat());
    },
    page,
    async *entries(last) {
      let cursor = "-";
      for (;;) {
        const batch = await redis.xrange(KEYS.audit, cursor, last, "COUNT", CHUNK);
        for (const raw of batch) yield entryOf(raw);
        if (batch.length < CHUNK) return;
        cursor = `(${batch.at(-1)![0]}`;
      }
    },
    async newestId() {
      return (await redis.xrevrange(KEYS.audit, "+", "-", "COUNT", 1))[0]?.[0];
    },
    async markExported(id) {
      const previous = await redis.get(KEYS.auditExported);
      if (!previous || compareIds(id, previous) > 0) await redis.set(KEYS.auditExported, id);
    },
  };
}
