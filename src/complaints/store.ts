import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS, luaScript } from "../redis.js";
import { bishkekIso } from "./bishkek-time.js";
import { DUMMY_PIN_HASH, hashPin, verifyPin } from "./codes.js";
import type { Addition, Attachment, Case, CaseSecret, CompleteDraft, PlaceType, Region } from "./model.js";
import { movableFrom, statusOf, type MoveDetail, type Status } from "./statuses.js";
import { newCaseAlert } from "./alerts.js";

export const REPORTS_PER_DAY = 3;
export const TRIES_PER_HOUR = 5;

export interface Submission {
  code: string;
  /** Chosen when the draft began; a second «Send» of the same draft finds its case instead of making one. */
  draftId: string;
  pin: string;
  draft: CompleteDraft;
  consentVersion: string;
  consentAt: number;
  reporterId: number;
  now: number;
}

export type SubmitResult = "created" | "duplicate" | "collision";
/** When limited, how long until every full counter has expired and a try is allowed again. */
export type AccessResult = { kind: "ok" } | { kind: "denied" } | { kind: "limited"; retryInMs: number };

export interface CaseStore {
  submit(submission: Submission): Promise<SubmitResult>;
  get(code: string): Promise<Case | undefined>;
  /** The reporter's non-anonymous cases, newest first, without their content (times to the hour). */
  listOwn(reporterId: number): Promise<Case[]>;
  reportsToday(reporterId: number, now: number): Promise<number>;
  /**
   * Only failures count against the hourly limits, per account and per code. A missing code costs the same
   * scrypt work as a wrong PIN, and a limited try does no work at all, whether or not the code exists.
   */
  checkAccess(reporterId: number, code: string, pin: string): Promise<AccessResult>;
  isOwn(reporterId: number, code: string): Promise<boolean>;
  /** Everything that happened to the case, oldest first. */
  history(code: string): Promise<CaseEvent[]>;
  /** An internal note by staff, encrypted in the case's history; never shown to the reporter. */
  addNote(code: string, text: string, actor: string, now: number): Promise<boolean>;
  addInformation(code: string, addition: { text?: string; attachments: Attachment[] }, now: number): Promise<boolean>;
  withdraw(code: string, actor: string, now: number): Promise<boolean>;
  logAccess(code: string, actor: string): Promise<void>;
  /**
   * A caseworker moves the case. Two moves at the same moment are applied one after the other, each
   * checked against where the case is by then: one that no longer fits is refused and says where it is.
   */
  move(code: string, move: MoveDetail, actor: string, now: number): Promise<MoveResult>;
  /** Gives the case to a caseworker; a withdrawn case is refused. */
  assign(code: string, assignee: number, actor: string, now: number): Promise<AssignResult>;
  /** Every case, oldest first, a page at a time: its plain fields, and decrypted content when asked. */
  exportRows(withContent: boolean): AsyncIterable<ExportRow>;
  /** An export in the audit stream: who, and whether it held decrypted content. */
  logExport(actor: string, withContent: boolean): Promise<void>;
  /** The plain fields of one case, as the list shows them; undefined when there is no such case. */
  line(code: string): Promise<CaseLine | undefined>;
  /** A page of the staff's case list, newest first, from the plain fields only: nothing is decrypted. */
  list(filter: CaseFilter, offset: number, count: number): Promise<{ total: number; cases: CaseLine[] }>;
}

export interface CaseFilter {
  status?: Status;
  /** Assigned to this caseworker. */
  assignee?: number;
  urgent?: boolean;
  region?: Region;
  placeType?: PlaceType;
}

export type ExportRow = Record<string, string>;

export type CaseLine = Pick<Case, "code" | "status" | "urgent" | "placeType" | "region" | "createdAt" | "assignee">;

export type AssignResult = { kind: "assigned"; previous?: number } | { kind: "same" } | { kind: "refused" } | { kind: "missing" };

export type MoveResult = { kind: "moved"; from: Status } | { kind: "refused"; status: Status } | { kind: "missing" };

// Every write of a case is one script, so concurrent writers never interleave and nothing is read, changed
// and written back. Content is append-only: each addition is its own encrypted entry in a list, and every
// event goes to the case's own history list. Plain times are rounded down to the hour (see hourOf).

// All or nothing: the case, the index, the reporter's list, the daily count, the history entry and the
// staff alert in the outbox (delivered by the alert worker, so a crash after this cannot lose it).
// KEYS: case, cases, own, quota, events, outbox, and the list's indexes: status new, region, place type,
// urgent. ARGV: draftId, code, hour, named, event, outbox field, outbox entry, urgent, then the case's fields.
const SUBMIT = luaScript<SubmitResult>(`
local draft = redis.call("HGET", KEYS[1], "draftId")
if draft then
  if draft == ARGV[1] then return "duplicate" end
  return "collision"
end
redis.call("HSET", KEYS[1], unpack(ARGV, 9))
redis.call("ZADD", KEYS[2], ARGV[3], ARGV[2])
for i = 7, 9 do redis.call("ZADD", KEYS[i], ARGV[3], ARGV[2]) end
if ARGV[8] == "1" then redis.call("ZADD", KEYS[10], ARGV[3], ARGV[2]) end
if ARGV[4] == "1" then redis.call("SADD", KEYS[3], ARGV[2]) end
redis.call("INCR", KEYS[4])
redis.call("EXPIRE", KEYS[4], 172800)
redis.call("RPUSH", KEYS[5], ARGV[5])
redis.call("HSET", KEYS[6], ARGV[6], ARGV[7])
return "created"
`);

// A withdrawn case takes no more content. KEYS: case, additions, events. ARGV: sealed addition, hour, event.
const ADD = luaScript<number>(`
local status = redis.call("HGET", KEYS[1], "status")
if not status or status == "withdrawn" then return 0 end
redis.call("RPUSH", KEYS[2], ARGV[1])
redis.call("HSET", KEYS[1], "updatedAt", ARGV[2])
redis.call("RPUSH", KEYS[3], ARGV[3])
return 1
`);

// The content and every addition go together; the plain statistics stay. KEYS: case, additions, events,
// cases. ARGV: hour, event, code, prefix of the status indexes (the old status's index is known only here).
const WITHDRAW = luaScript<number>(`
local status = redis.call("HGET", KEYS[1], "status")
if not status or status == "withdrawn" then return 0 end
if status == "in-progress" then status = "in-review" end
redis.call("HDEL", KEYS[1], "secret")
redis.call("DEL", KEYS[2])
redis.call("HSET", KEYS[1], "status", "withdrawn", "updatedAt", ARGV[1])
redis.call("RPUSH", KEYS[3], ARGV[2])
redis.call("ZREM", ARGV[4] .. status, ARGV[3])
redis.call("ZADD", ARGV[4] .. "withdrawn", redis.call("ZSCORE", KEYS[4], ARGV[3]) or ARGV[1], ARGV[3])
return 1
`);

// A staff move: checked against the current status, then status, its detail, the history entry and the
// audit entry together, and the case moves between the status indexes. KEYS: case, events, audit, cases.
// ARGV: to, the statuses it may come from (comma-separated), detail field ("" for none), detail value, time,
// event, code, actor, prefix of the status indexes.
const MOVE = luaScript<string[]>(`
local status = redis.call("HGET", KEYS[1], "status")
if not status then return {"missing"} end
if status == "in-progress" then status = "in-review" end
local allowed = false
for from in string.gmatch(ARGV[2], "[^,]+") do
  if from == status then allowed = true end
end
if not allowed then return {"refused", status} end
redis.call("HSET", KEYS[1], "status", ARGV[1], "updatedAt", ARGV[5])
if ARGV[3] ~= "" then redis.call("HSET", KEYS[1], ARGV[3], ARGV[4]) end
redis.call("RPUSH", KEYS[2], ARGV[6])
redis.call("XADD", KEYS[3], "*", "action", "status:" .. ARGV[1], "code", ARGV[7], "actor", ARGV[8])
redis.call("ZREM", ARGV[9] .. status, ARGV[7])
redis.call("ZADD", ARGV[9] .. ARGV[1], redis.call("ZSCORE", KEYS[4], ARGV[7]) or ARGV[5], ARGV[7])
return {"moved", status}
`);

/** The staff list's indexes of case codes, each scored like `cases` by the hour the case was sent. */
export const INDEX = {
  status: (status: Status | "") => `${KEYS.casesBy}status:${status}`,
  region: (region: Region) => `${KEYS.casesBy}region:${region}`,
  place: (place: PlaceType) => `${KEYS.casesBy}place:${place}`,
  urgent: `${KEYS.casesBy}urgent`,
  assignee: (userId: number | "") => `${KEYS.casesBy}assignee:${userId}`,
} as const;

// KEYS: case, events, audit, cases. ARGV: assignee, time, event, code, actor, prefix of the assignee indexes.
const ASSIGN = luaScript<string[]>(`
local status = redis.call("HGET", KEYS[1], "status")
if not status then return {"missing"} end
if status == "withdrawn" then return {"refused"} end
local previous = redis.call("HGET", KEYS[1], "assignee") or ""
if previous == ARGV[1] then return {"same"} end
if previous ~= "" then redis.call("ZREM", ARGV[6] .. previous, ARGV[4]) end
redis.call("HSET", KEYS[1], "assignee", ARGV[1], "updatedAt", ARGV[2])
redis.call("ZADD", ARGV[6] .. ARGV[1], redis.call("ZSCORE", KEYS[4], ARGV[4]) or ARGV[2], ARGV[4])
redis.call("RPUSH", KEYS[2], ARGV[3])
redis.call("XADD", KEYS[3], "*", "action", "assigned", "code", ARGV[4], "actor", ARGV[5], "assignee", ARGV[1])
return {"assigned", previous}
`);

// KEYS: case, events, audit. ARGV: event, code, actor.
const NOTE = luaScript<number>(`
if redis.call("EXISTS", KEYS[1]) == 0 then return 0 end
redis.call("RPUSH", KEYS[2], ARGV[1])
redis.call("XADD", KEYS[3], "*", "action", "note", "code", ARGV[2], "actor", ARGV[3])
return 1
`);

const localHour = (ms: string | undefined) => (ms ? bishkekIso(Number(ms)).slice(0, 16).replace("T", " ") : "");

/** Cases read at a time for an export, so its memory stays flat however many there are. */
const EXPORT_PAGE = 500;

// A "day" for the daily limit is a Bishkek day.
const bishkekDay = (now: number) => bishkekIso(now).slice(0, 10);

/** Plain times say only the hour, so they cannot be matched to other traces of a person's activity. */
export const hourOf = (ms: number) => ms - (ms % 3_600_000);

export interface CaseEvent {
  action: string;
  actor: string;
  at: number;
  /** A move: the status it went to, and the body referred to or the reason for closing. */
  status?: Status;
  detail?: string;
  /** A note's text, decrypted when read (stored as `sealed`). */
  note?: string;
  sealed?: string;
}

const event = (action: string, actor: string, at: number) => JSON.stringify({ action, actor, at } satisfies CaseEvent);

// A try takes a slot on both counters before the PIN is checked and gives it back when the PIN is right:
// taking it in one script is what keeps parallel guesses from all getting past a limit read earlier.
// Returns {0, ms until the full counters expire} or {1, the PIN hash or ""}.
const TAKE_TRY = luaScript<[number, number | string]>(`
local wait = -1
for i = 1, 2 do
  if tonumber(redis.call("GET", KEYS[i]) or "0") >= tonumber(ARGV[1]) then
    wait = math.max(wait, redis.call("PTTL", KEYS[i]))
  end
end
if wait >= 0 then return {0, wait} end
for i = 1, 2 do
  redis.call("INCR", KEYS[i])
  redis.call("EXPIRE", KEYS[i], ARGV[2], "NX")
end
return {1, redis.call("HGET", KEYS[3], "pinHash") or ""}
`);

// A counter that expired meanwhile is left alone rather than recreated without a TTL.
const GIVE_BACK_TRY = luaScript(`
for i = 1, #KEYS do
  if redis.call("EXISTS", KEYS[i]) == 1 and redis.call("DECR", KEYS[i]) <= 0 then redis.call("DEL", KEYS[i]) end
end
`);

export function createCaseStore(redis: Redis, cipher: Cipher): CaseStore {
  const caseKey = (code: string) => KEYS.case + code;
  const additionsKey = (code: string) => `${KEYS.case}${code}:additions`;
  const eventsKey = (code: string) => `${KEYS.case}${code}:events`;
  const ownKey = (reporterId: number) => KEYS.ownCases + cipher.pseudonym(String(reporterId));
  const quotaKey = (reporterId: number, now: number) => `${KEYS.quota}${cipher.pseudonym(String(reporterId))}:${bishkekDay(now)}`;
  const oldQuotaKeys = (reporterId: number, now: number) =>
    cipher.oldPseudonyms(String(reporterId)).map((pseudonym) => `${KEYS.quota}${pseudonym}:${bishkekDay(now)}`);
  const open = <T>(sealed: string) => JSON.parse(cipher.decrypt(sealed)) as T;

  // After a DATA_KEY rotation the person's earlier cases are listed under the old key's pseudonym: they
  // are moved to the current one on the first look, so «My reports» keeps them.
  async function ownCodes(reporterId: number): Promise<string[]> {
    const current = ownKey(reporterId);
    const old = cipher.oldPseudonyms(String(reporterId)).map((pseudonym) => KEYS.ownCases + pseudonym);
    if (old.length === 0) return redis.smembers(current);
    const replies = await redis.multi().sunionstore(current, current, ...old).del(...old).smembers(current).exec();
    return (replies?.[2]?.[1] ?? []) as string[];
  }

  function parse(code: string, fields: Record<string, string>, sealedAdditions: string[] | undefined): Case | undefined {
    if (!fields.status) return undefined;
    // Cases written before additions had their own entries kept them inside the secret.
    const secret = sealedAdditions && fields.secret ? open<CaseSecret & { additions?: Addition[] }>(fields.secret) : undefined;
    const additions = secret ? [...(secret.additions ?? []), ...(sealedAdditions ?? []).map((sealed) => open<Addition>(sealed))] : [];
    if (secret) delete secret.additions;
    return {
      code,
      status: statusOf(fields.status) ?? "new",
      placeType: fields.placeType as PlaceType,
      region: fields.region as Region,
      urgent: fields.urgent === "1",
      createdAt: secret?.createdAt ?? Number(fields.createdAt),
      updatedAt: Number(fields.updatedAt),
      consentVersion: fields.consentVersion ?? "",
      ...(fields.assignee ? { assignee: Number(fields.assignee) } : {}),
      consentAt: secret?.consentAt ?? Number(fields.consentAt),
      secret,
      additions,
    };
  }

  async function lineOf(code: string): Promise<CaseLine | undefined> {
    const [status, urgent, placeType, region, createdAt, assignee] = await redis.hmget(caseKey(code), "status", "urgent", "placeType", "region", "createdAt", "assignee");
    if (!status) return undefined;
    return {
      code, status: statusOf(status) ?? "new", urgent: urgent === "1", placeType: placeType as PlaceType, region: region as Region,
      createdAt: Number(createdAt), ...(assignee ? { assignee: Number(assignee) } : {}),
    };
  }

  return {
    async submit({ code, draftId, pin, draft, consentVersion, consentAt, reporterId, now }) {
      const secret: CaseSecret = {
        reporter: draft.reporter,
        placeName: draft.placeName,
        when: draft.when,
        whenText: draft.whenText,
        narrative: draft.narrative,
        recordings: draft.recordings,
        attachments: draft.attachments,
        contact: draft.contact,
        createdAt: now,
        consentAt,
      };
      const hour = hourOf(now);
      const fields = {
        draftId, status: "new", placeType: draft.placeType, region: draft.region, urgent: draft.urgent ? "1" : "0",
        createdAt: hour, updatedAt: hour, consentVersion, consentAt: hourOf(consentAt), pinHash: await hashPin(pin), secret: cipher.encrypt(JSON.stringify(secret)),
      };
      const named = draft.contact.kind !== "anonymous";
      const alert = newCaseAlert(code);
      const keys = [
        caseKey(code), KEYS.cases, ownKey(reporterId), quotaKey(reporterId, now), eventsKey(code), KEYS.outbox,
        INDEX.status("new"), INDEX.region(draft.region), INDEX.place(draft.placeType), INDEX.urgent,
      ];
      const args = [
        draftId, code, hour, named ? "1" : "0", event("submitted", "reporter", hour), alert.id, JSON.stringify(alert), draft.urgent ? "1" : "0",
        ...Object.entries(fields).flat(),
      ];
      return SUBMIT(redis, keys, args);
    },

    async get(code) {
      const replies = await redis.multi().hgetall(caseKey(code)).lrange(additionsKey(code), 0, -1).exec();
      return parse(code, (replies?.[0]?.[1] ?? {}) as Record<string, string>, (replies?.[1]?.[1] ?? []) as string[]);
    },

    async listOwn(reporterId) {
      const codes = await ownCodes(reporterId);
      const cases = await Promise.all(codes.map(async (code) => parse(code, await redis.hgetall(caseKey(code)), undefined)));
      return cases.filter((item): item is Case => item !== undefined).sort((a, b) => b.createdAt - a.createdAt);
    },

    async history(code) {
      return (await redis.lrange(eventsKey(code), 0, -1)).map((entry) => {
        const { sealed, ...event } = JSON.parse(entry) as CaseEvent;
        return sealed ? { ...event, note: cipher.decrypt(sealed) } : event;
      });
    },

    async addNote(code, text, actor, now) {
      const entry = JSON.stringify({ action: "note", actor, at: now, sealed: cipher.encrypt(text) } satisfies CaseEvent);
      return (await NOTE(redis, [caseKey(code), eventsKey(code), KEYS.audit], [entry, code, actor])) === 1;
    },

    async reportsToday(reporterId, now) {
      const counts = await redis.mget(quotaKey(reporterId, now), ...oldQuotaKeys(reporterId, now));
      return counts.reduce((sum, count) => sum + Number(count ?? 0), 0);
    },

    async checkAccess(reporterId, code, pin) {
      const counters = [`${KEYS.tries}account:${cipher.pseudonym(String(reporterId))}`, `${KEYS.tries}code:${code}`];
      const [taken, value] = await TAKE_TRY(redis, [...counters, caseKey(code)], [TRIES_PER_HOUR, 3600]);
      if (!taken) return { kind: "limited", retryInMs: Number(value) };
      const pinHash = String(value);
      if (!(await verifyPin(pin, pinHash || DUMMY_PIN_HASH)) || !pinHash) return { kind: "denied" };
      await GIVE_BACK_TRY(redis, counters, []);
      return { kind: "ok" };
    },

    async isOwn(reporterId, code) {
      return (await ownCodes(reporterId)).includes(code);
    },

    async addInformation(code, addition, now) {
      const sealed = cipher.encrypt(JSON.stringify({ at: now, ...addition } satisfies Addition));
      const hour = hourOf(now);
      return (await ADD(redis, [caseKey(code), additionsKey(code), eventsKey(code)], [sealed, hour, event("added", "reporter", hour)])) === 1;
    },

    async withdraw(code, actor, now) {
      const hour = hourOf(now);
      return (await WITHDRAW(redis, [caseKey(code), additionsKey(code), eventsKey(code), KEYS.cases], [hour, event("withdrawn", actor, hour), code, INDEX.status("")])) === 1;
    },

    async list(filter, offset, count) {
      const keys = [
        filter.status && INDEX.status(filter.status), filter.urgent && INDEX.urgent,
        filter.region && INDEX.region(filter.region), filter.placeType && INDEX.place(filter.placeType),
        filter.assignee !== undefined && INDEX.assignee(filter.assignee),
      ].filter((key): key is string => Boolean(key));
      // One filter reads its index; several read their intersection, kept a minute for the next pages.
      const source = keys.length === 0 ? KEYS.cases : keys.length === 1 ? keys[0]! : `${KEYS.casesBy}tmp:${keys.join("|")}`;
      const batch = redis.multi();
      if (keys.length > 1) batch.zinterstore(source, keys.length, ...keys, "AGGREGATE", "MAX").expire(source, 60);
      const replies = (await batch.zcard(source).zrevrange(source, offset, offset + count - 1).exec()) ?? [];
      const [total, codes] = replies.slice(-2).map(([err, value]) => {
        if (err) throw err;
        return value;
      }) as [number, string[]];
      const cases = await Promise.all(codes.map((code) => lineOf(code)));
      return { total, cases: cases.filter((item): item is CaseLine => item !== undefined) };
    },

    line: (code) => lineOf(code),

    async *exportRows(withContent) {
      const total = await redis.zcard(KEYS.cases);
      for (let start = 0; start < total; start += EXPORT_PAGE) {
        const codes = await redis.zrange(KEYS.cases, String(start), String(start + EXPORT_PAGE - 1));
        const rows = await Promise.all(codes.map(async (code) => {
          const fields = await redis.hgetall(caseKey(code));
          if (!fields.status) return undefined;
          const plain: ExportRow = {
            code, status: statusOf(fields.status) ?? "new", urgent: fields.urgent === "1" ? "yes" : "no", placeType: fields.placeType ?? "",
            region: fields.region ?? "", createdAt: localHour(fields.createdAt), updatedAt: localHour(fields.updatedAt),
            assignee: fields.assignee ?? "", referredTo: fields.referredTo ?? "", closedReason: fields.closedReason ?? "", consentVersion: fields.consentVersion ?? "",
          };
          if (!withContent) return plain;
          // The fields are read already: only the additions are left to read before decrypting.
          const full = parse(code, fields, await redis.lrange(additionsKey(code), 0, -1));
          const secret = full?.secret;
          const contact = secret?.contact;
          return {
            ...plain,
            reporter: secret?.reporter ?? "", placeName: secret?.placeName ?? "", when: secret?.when ?? "", whenText: secret?.whenText ?? "",
            narrative: secret?.narrative ?? "", contact: contact?.kind === "phone" ? contact.phone : contact?.kind ?? "",
            files: String((secret?.attachments.length ?? 0) + (secret?.recordings?.length ?? 0)),
            additions: (full?.additions ?? []).map((addition) => addition.text ?? "").filter(Boolean).join("\n\n"),
          };
        }));
        for (const row of rows) if (row) yield row;
      }
    },

    async logExport(actor, withContent) {
      await redis.xadd(KEYS.audit, "*", "action", withContent ? "export:content" : "export:plain", "actor", actor);
    },

    async assign(code, assignee, actor, now) {
      const entry = JSON.stringify({ action: "assigned", actor, at: now, detail: String(assignee) } satisfies CaseEvent);
      const args = [assignee, now, entry, code, actor, INDEX.assignee("")];
      const [kind, previous] = await ASSIGN(redis, [caseKey(code), eventsKey(code), KEYS.audit, KEYS.cases], args);
      if (kind === "assigned") return { kind, ...(previous ? { previous: Number(previous) } : {}) };
      return { kind: kind as "same" | "refused" | "missing" };
    },

    async move(code, move, actor, now) {
      const [field, value] = move.to === "referred" ? ["referredTo", move.body] : move.to === "closed" ? ["closedReason", move.reason] : ["", ""];
      const entry = JSON.stringify({ action: "status", actor, at: now, status: move.to, ...(value ? { detail: value } : {}) } satisfies CaseEvent);
      const args = [move.to, movableFrom(move.to).join(","), field, value, now, entry, code, actor, INDEX.status("")];
      const [kind, status] = await MOVE(redis, [caseKey(code), eventsKey(code), KEYS.audit, KEYS.cases], args);
      if (kind === "moved") return { kind, from: statusOf(status)! };
      if (kind === "refused") return { kind, status: statusOf(status)! };
      return { kind: "missing" };
    },

    // Staff actions keep their exact time: they account for who saw what, and say nothing about the reporter.
    async logAccess(code, actor) {
      const now = Date.now();
      await redis.multi().xadd(KEYS.audit, "*", "action", "opened", "code", code, "actor", actor).rpush(eventsKey(code), event("opened", actor, now)).exec();
    },
  };
}
