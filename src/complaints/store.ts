import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { createHash, randomUUID } from "node:crypto";
import { execAll, KEYS } from "../redis.js";
import { bishkekIso } from "./bishkek-time.js";
import { DUMMY_PIN_HASH, hashPin, verifyPin } from "./codes.js";
import type { Addition, Attachment, Case, CaseSecret, Contact, CompleteDraft, PlaceType, Region } from "./model.js";
import { movableFrom, statusOf, type MoveDetail, type Status } from "./statuses.js";
import { newCaseAlert, NOTICES_QUEUE } from "./alerts.js";
import { ACTIONS, type Cutoffs } from "./deadlines.js";
import { ADD, ASSIGN, CONSENT, EXTEND, FORGET_OWN, GATHER_OWN, GIVE_BACK_TRY, LOG, MOVE, SUBMIT, TAKE_TRY, TO_REPORTER, WITHDRAW, type SubmitResult } from "./scripts.js";
import { caseCount, codesFrom, digestCounts, INDEX, listCodes, monthOf, type IndexFilter } from "./case-index.js";
import type { OutboxEntry } from "../jobs/outbox.js";
import { decodeEvent, encodeEvent, type CaseEvent } from "./events.js";
import { storedActor } from "../audit/stream.js";

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
  /** The reporter's language, for what the organisation sends them later. */
  locale: string;
  now: number;
}

export type { SubmitResult };
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
  /** Information the reporter adds with the code and PIN, or their answer to the organisation's reply. */
  addInformation(code: string, addition: { text?: string; attachments: Attachment[] }, now: number, kind?: "added" | "answer"): Promise<boolean>;
  /**
   * The organisation's reply: encrypted in the history, and delivered to a reporter who asked to be answered
   * in the chat ("sent"); others read it when they check with the code and PIN ("kept").
   */
  reply(code: string, text: string, actor: string, now: number): Promise<"sent" | "kept" | "refused">;
  /** Asks a reporter who can be reached in the chat whether the case's identifying details may be shared. */
  askConsent(code: string, actor: string, now: number): Promise<"asked" | "unreachable" | "refused" | { already: "asked" | "yes" | "no" }>;
  /** The reporter's answer; false when no request is open (answered already, or never asked). */
  answerConsent(code: string, yes: boolean, now: number): Promise<boolean>;
  /** What the reporter may read of the case: the organisation's replies, and an open request for consent. */
  forReporter(code: string): Promise<{ replies: Array<{ at: number; text: string }>; consentAsked: boolean }>;
  /** A look at the case's files, in the history and the audit. */
  logEvidence(code: string, actor: string): Promise<void>;
  /** Keeps a closed case's personal data `days` longer; the new time, or undefined when none is set. */
  extendRetention(code: string, days: number, actor: string, now: number): Promise<number | undefined>;
  withdraw(code: string, actor: string, now: number): Promise<boolean>;
  logAccess(code: string, actor: string): Promise<void>;
  /** A look at the case's history (which holds the notes): in the audit only, so the history does not grow by being read. */
  logHistoryView(code: string, actor: string): Promise<void>;
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
  /** The daily digest's counts: new cases, urgent ones still open, overdue ones. No content. */
  digest(cutoffs: Cutoffs): Promise<{ fresh: number; urgent: number; overdue: number }>;
  /** A page of the staff's case list, newest first, from the plain fields only: nothing is decrypted. */
  list(filter: CaseFilter, offset: number, count: number): Promise<CasePage>;
}

export interface CasePage {
  total: number;
  /** Cases follow this page. */
  more: boolean;
  cases: CaseLine[];
}

export type CaseFilter = IndexFilter;

export type ExportRow = Record<string, string>;

export type CaseLine = Pick<Case, "code" | "status" | "urgent" | "placeType" | "region" | "createdAt" | "assignee" | "firstActionAt" | "shareConsent" | "retainUntil" | "purgedAt">;

export type AssignResult = { kind: "assigned"; previous?: number } | { kind: "same" } | { kind: "refused" } | { kind: "missing" };

export type MoveResult = { kind: "moved"; from: Status } | { kind: "refused"; status: Status } | { kind: "missing" };

/** Where a reporter's own cases are listed, by their pseudonym (see KEYS.owners). */
export const ownList = (pseudonym: string) => ({ key: KEYS.owners + pseudonym.slice(0, 2), field: pseudonym });

/** The own list named by a case's content: its pseudonym, or (written by earlier versions) its set's key. */
export const ownListOf = (owner: string) => ownList(owner.startsWith(KEYS.ownCases) ? owner.slice(KEYS.ownCases.length) : owner);

/**
 * After a case's key, the key of its content (sealed, compressed, as raw bytes). It is kept apart so that
 * every value left in the case's hash fits the 64 bytes Redis keeps in a hash's compact form (see the case
 * benchmark).
 */
export const CONTENT = ":content";

/**
 * A case's sealed content, given its fields and its content key's value: in the hash instead where an
 * older process wrote it during an upgrade, and none for a case withdrawn or deleted, whose key such a
 * process may have left behind (it is never to be shown again).
 */
function contentIn(fields: Record<string, string>, sealed: Buffer | null | undefined): Buffer | string | undefined {
  if (fields.status === "withdrawn" || fields.purgedAt) return undefined;
  return sealed ?? fields.secret;
}

/** A case's sealed content, read from Redis (see contentIn). */
export async function readContent(redis: Redis, code: string): Promise<Buffer | string | undefined> {
  const key = KEYS.case + code;
  const [sealed, fields] = (await execAll(redis.multi().getBuffer(key + CONTENT).hgetall(key))) as [Buffer | null, Record<string, string>];
  return contentIn(fields, sealed);
}

const localHour = (ms: string | undefined) => (ms ? bishkekIso(Number(ms)).slice(0, 16).replace("T", " ") : "");

/** Cases read at a time for an export, so its memory stays flat however many there are. */
const EXPORT_PAGE = 500;

// A "day" for the daily limit is a Bishkek day.
const bishkekDay = (now: number) => bishkekIso(now).slice(0, 10);

/** What a case keeps of the draft it came from: enough to tell a second «Send» of it from another draft given the same code. */
export const draftMark = (draftId: string) => createHash("sha256").update(draftId).digest("base64url").slice(0, 8);

/** Plain times say only the hour, so they cannot be matched to other traces of a person's activity. */
export const hourOf = (ms: number) => ms - (ms % 3_600_000);

const event = (action: string, actor: string, at: number, more: Partial<CaseEvent> = {}) => encodeEvent({ action, actor, at, ...more });

/** A job for the notices worker, written to the outbox by the same script as what caused it. */
const notice = (name: string, data: Record<string, unknown>): [string, string] => {
  const entry: OutboxEntry = { id: `${name}-${randomUUID()}`, queue: NOTICES_QUEUE, name, data };
  return [entry.id, JSON.stringify(entry)];
};

/** How long a closed case's personal data is kept, set when the store is made. */
export interface StoreOptions {
  retentionDays: number;
}

export function createCaseStore(redis: Redis, cipher: Cipher, { retentionDays }: StoreOptions = { retentionDays: 365 }): CaseStore {
  const caseKey = (code: string) => KEYS.case + code;
  const additionsKey = (code: string) => `${KEYS.case}${code}:additions`;
  const contentKey = (code: string) => `${KEYS.case}${code}${CONTENT}`;
  const eventsKey = (code: string) => `${KEYS.case}${code}:events`;
  const reporterList = (reporterId: number) => ownList(cipher.pseudonym(String(reporterId)));
  const quotaKey = (reporterId: number, now: number) => `${KEYS.quota}${cipher.pseudonym(String(reporterId))}:${bishkekDay(now)}`;
  const oldQuotaKeys = (reporterId: number, now: number) =>
    cipher.oldPseudonyms(String(reporterId)).map((pseudonym) => `${KEYS.quota}${pseudonym}:${bishkekDay(now)}`);
  const open = <T>(sealed: string | Buffer) => JSON.parse(cipher.decrypt(sealed)) as T;

  // After a DATA_KEY rotation the person's earlier cases are listed under the old key's pseudonym: they
  // are moved to the current one on the first look, so «My reports» keeps them.
  async function ownCodes(reporterId: number): Promise<string[]> {
    const lists = [cipher.pseudonym(String(reporterId)), ...cipher.oldPseudonyms(String(reporterId))].map(ownList);
    return GATHER_OWN(redis, lists.map((list) => list.key), lists.map((list) => list.field));
  }

  // `sealed` is the content (absent once withdrawn or deleted), read with the additions.
  function parse(code: string, fields: Record<string, string>, sealedAdditions: string[] | undefined, sealed?: Buffer | null): Case | undefined {
    if (!fields.status) return undefined;
    const content = contentIn(fields, sealed);
    // Cases written before additions had their own entries kept them inside the secret.
    const secret = sealedAdditions && content ? open<CaseSecret & { additions?: Addition[] }>(content) : undefined;
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
      ...(fields.firstActionAt ? { firstActionAt: Number(fields.firstActionAt) } : {}),
      ...(fields.referredTo ? { referredTo: fields.referredTo } : {}),
      ...(fields.closedReason ? { closedReason: fields.closedReason } : {}),
      ...(fields.consent ? { shareConsent: fields.consent as Case["shareConsent"] } : {}),
      ...(fields.retainUntil ? { retainUntil: Number(fields.retainUntil) } : {}),
      ...(fields.purgedAt ? { purgedAt: Number(fields.purgedAt) } : {}),
      notify: fields.notify === "1",
      consentAt: secret?.consentAt ?? Number(fields.consentAt),
      secret,
      additions,
    };
  }

  /** The case's history, oldest first, with the texts of the events `reveal` picks decrypted. */
  async function eventsOf(code: string, reveal: (action: string) => boolean): Promise<CaseEvent[]> {
    return (await redis.lrange(eventsKey(code), 0, -1)).map((entry) => {
      const { sealed, ...event } = decodeEvent(entry);
      return sealed && reveal(event.action) ? { ...event, note: cipher.decrypt(sealed) } : event;
    });
  }

  // How the reporter is reached: it never changes once sent, so reading it ahead of a write is safe.
  // Undefined once the content is gone (withdrawn, deleted) or for no such case.
  async function contactOf(code: string): Promise<Contact | undefined> {
    const content = await readContent(redis, code);
    return content ? open<CaseSecret>(content).contact : undefined;
  }

  async function lineOf(code: string): Promise<CaseLine | undefined> {
    const fields = ["status", "urgent", "placeType", "region", "createdAt", "assignee", "firstActionAt", "consent", "retainUntil", "purgedAt"] as const;
    const [status, urgent, placeType, region, createdAt, assignee, firstActionAt, consent, retainUntil, purgedAt] = await redis.hmget(caseKey(code), ...fields);
    if (!status) return undefined;
    const number = (value?: string | null) => (value ? Number(value) : undefined);
    return {
      code, status: statusOf(status) ?? "new", urgent: urgent === "1", placeType: placeType as PlaceType, region: region as Region,
      createdAt: Number(createdAt), assignee: number(assignee), firstActionAt: number(firstActionAt),
      shareConsent: (consent ?? undefined) as CaseLine["shareConsent"], retainUntil: number(retainUntil), purgedAt: number(purgedAt),
    };
  }

  return {
    async submit({ code, draftId, pin, draft, consentVersion, consentAt, reporterId, locale, now }) {
      const own = reporterList(reporterId);
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
        locale,
        // So that deleting the personal data later also takes the case out of the reporter's own list.
        owner: draft.contact.kind === "anonymous" ? undefined : own.field,
      };
      const hour = hourOf(now);
      const mark = draftMark(draftId);
      const fields = {
        draftId: mark, status: "new", placeType: draft.placeType, region: draft.region, urgent: draft.urgent ? "1" : "0",
        createdAt: hour, updatedAt: hour, consentVersion, consentAt: hourOf(consentAt), pinHash: await hashPin(pin), notify: draft.notify ? "1" : "0",
      };
      const alert = newCaseAlert(code);
      const keys = [
        caseKey(code), KEYS.caseCodes, own.key, quotaKey(reporterId, now), eventsKey(code), KEYS.outbox,
        KEYS.caseCount, KEYS.caseMonths, INDEX.fresh, INDEX.awaitingAction, contentKey(code),
      ];
      const args = [
        mark, code, hour, secret.owner ? own.field : "", event("submitted", "reporter", hour), alert.id, JSON.stringify(alert),
        cipher.encryptCompressedBytes(JSON.stringify(secret)), monthOf(hour), draftId, ...Object.entries(fields).flat(),
      ];
      return SUBMIT(redis, keys, args);
    },

    async get(code) {
      const replies = await redis.multi().hgetall(caseKey(code)).lrange(additionsKey(code), 0, -1).getBuffer(contentKey(code)).exec();
      return parse(code, (replies?.[0]?.[1] ?? {}) as Record<string, string>, (replies?.[1]?.[1] ?? []) as string[], replies?.[2]?.[1] as Buffer | null);
    },

    async listOwn(reporterId) {
      const codes = await ownCodes(reporterId);
      const hashes = await Promise.all(codes.map((code) => redis.hgetall(caseKey(code))));
      const cases = codes.map((code, index) => parse(code, hashes[index]!, undefined));
      // Plain times say only the hour: within one, the case's number says which was sent later.
      const numbers = new Map(codes.map((code, index) => [code, Number(hashes[index]!.n ?? -1)]));
      // A case whose personal data was deleted is no longer the person's: its place in the list goes too
      // (deletion takes it out when it knows the list; after a key rotation, or for older cases, it is here).
      const gone = cases.flatMap((item, index) => (item?.purgedAt !== undefined ? [codes[index]!] : []));
      const own = reporterList(reporterId);
      if (gone.length > 0) await FORGET_OWN(redis, [own.key], [own.field, ...gone]);
      return cases
        .filter((item): item is Case => item !== undefined && item.purgedAt === undefined)
        .sort((a, b) => b.createdAt - a.createdAt || numbers.get(b.code)! - numbers.get(a.code)!);
    },

    history: (code) => eventsOf(code, () => true),

    async addNote(code, text, actor, now) {
      const entry = event("note", actor, now, { sealed: cipher.encrypt(text) });
      return (await LOG(redis, [caseKey(code), eventsKey(code), KEYS.audit], [entry, code, storedActor(actor), "note"])) === 1;
    },

    async reply(code, text, actor, now) {
      const contact = await contactOf(code);
      const sealed = cipher.encrypt(text);
      const [field, entry] = contact?.kind === "chat" ? notice("reply", { code, sealed }) : ["", ""];
      const keys = [caseKey(code), eventsKey(code), KEYS.audit, INDEX.awaitingAction, KEYS.firstAction, KEYS.outbox];
      const done = await TO_REPORTER(redis, keys, [event("reply", actor, now, { sealed }), code, storedActor(actor), now, field, entry, "reply"]);
      if (done !== 1) return "refused";
      return contact?.kind === "chat" ? "sent" : "kept";
    },

    async askConsent(code, actor, now) {
      const contact = await contactOf(code);
      if (!contact) return "refused";
      if (contact.kind !== "chat") return "unreachable";
      const [field, entry] = notice("consent", { code });
      const keys = [caseKey(code), eventsKey(code), KEYS.audit, INDEX.awaitingAction, KEYS.firstAction, KEYS.outbox];
      const done = await TO_REPORTER(redis, keys, [event("consent-asked", actor, now), code, storedActor(actor), now, field, entry, "consent-asked"]);
      if (typeof done === "string") return { already: done as "asked" | "yes" | "no" };
      return done === 1 ? "asked" : "refused";
    },

    async answerConsent(code, yes, now) {
      const answer = yes ? "yes" : "no";
      const [field, entry] = notice("reporter-wrote", { code, kind: `consent-${answer}` });
      const args = [answer, event("consent", "reporter", hourOf(now), { detail: answer }), field, entry];
      return (await CONSENT(redis, [caseKey(code), eventsKey(code), KEYS.outbox], args)) === 1;
    },

    async forReporter(code) {
      // Only the replies are decrypted: staff notes are no business of the reporter's view.
      const [events, [consent]] = await Promise.all([eventsOf(code, (action) => action === "reply"), redis.hmget(caseKey(code), "consent")]);
      const replies = events.flatMap((item) => (item.action === "reply" && item.note !== undefined ? [{ at: item.at, text: item.note }] : []));
      return { replies, consentAsked: consent === "asked" };
    },

    async logHistoryView(code, actor) {
      await redis.xadd(KEYS.audit, "*", "action", "history", "code", code, "actor", storedActor(actor));
    },

    async logEvidence(code, actor) {
      await LOG(redis, [caseKey(code), eventsKey(code), KEYS.audit], [event("evidence", actor, Date.now()), code, storedActor(actor), "evidence"]);
    },

    async extendRetention(code, days, actor, now) {
      const keys = [caseKey(code), eventsKey(code), KEYS.audit];
      const keep = await EXTEND(redis, keys, [days, now, event("retention-extended", actor, now, { detail: String(days) }), code, storedActor(actor)]);
      return keep ? Number(keep) : undefined;
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

    async addInformation(code, addition, now, kind = "added") {
      const sealed = cipher.encryptCompressed(JSON.stringify({ at: now, ...addition } satisfies Addition));
      const hour = hourOf(now);
      const [field, entry] = notice("reporter-wrote", { code, kind });
      const keys = [caseKey(code), additionsKey(code), eventsKey(code), KEYS.outbox];
      return (await ADD(redis, keys, [sealed, hour, event(kind, "reporter", hour), field, entry])) === 1;
    },

    async withdraw(code, actor, now) {
      const hour = hourOf(now);
      const keys = [caseKey(code), additionsKey(code), eventsKey(code), INDEX.fresh, INDEX.awaitingAction, INDEX.retained, contentKey(code)];
      return (await WITHDRAW(redis, keys, [hour, event("withdrawn", actor, hour), code, INDEX.status("")])) === 1;
    },

    async list(filter, offset, count) {
      const { total, codes, more } = await listCodes(redis, filter, offset, count);
      const cases = await Promise.all(codes.map((code) => lineOf(code)));
      return { total, more, cases: cases.filter((item): item is CaseLine => item !== undefined) };
    },

    line: (code) => lineOf(code),

    digest: (cutoffs) => digestCounts(redis, cutoffs),

    async *exportRows(withContent) {
      const total = await caseCount(redis);
      for (let start = 0; start < total; start += EXPORT_PAGE) {
        const codes = await codesFrom(redis, start, Math.min(EXPORT_PAGE, total - start));
        const rows = await Promise.all(codes.map(async (code) => {
          const fields = await redis.hgetall(caseKey(code));
          if (!fields.status) return undefined;
          const plain: ExportRow = {
            code, status: statusOf(fields.status) ?? "new", urgent: fields.urgent === "1" ? "yes" : "no", placeType: fields.placeType ?? "",
            region: fields.region ?? "", createdAt: localHour(fields.createdAt), updatedAt: localHour(fields.updatedAt),
            firstActionAt: localHour(fields.firstActionAt), assignee: fields.assignee ?? "", referredTo: fields.referredTo ?? "", closedReason: fields.closedReason ?? "",
            consentVersion: fields.consentVersion ?? "", shareConsent: fields.consent ?? "", retainUntil: localHour(fields.retainUntil), purgedAt: localHour(fields.purgedAt),
          };
          if (!withContent) return plain;
          // The fields are read already: only the additions and the content are left to read before decrypting.
          const [additions, sealed] = (await execAll(redis.multi().lrange(additionsKey(code), 0, -1).getBuffer(contentKey(code)))) as [string[], Buffer | null];
          const full = parse(code, fields, additions, sealed);
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
      await redis.xadd(KEYS.audit, "*", "action", withContent ? "export:content" : "export:plain", "actor", storedActor(actor));
    },

    async assign(code, assignee, actor, now) {
      const entry = event("assigned", actor, now, { detail: String(assignee) });
      const args = [assignee, now, entry, code, storedActor(actor), INDEX.assignee("")];
      const [kind, previous] = await ASSIGN(redis, [caseKey(code), eventsKey(code), KEYS.audit], args);
      if (kind === "assigned") return { kind, ...(previous ? { previous: Number(previous) } : {}) };
      return { kind: kind as "same" | "refused" | "missing" };
    },

    async move(code, move, actor, now) {
      const [field, value] = move.to === "referred" ? ["referredTo", move.body] : move.to === "closed" ? ["closedReason", move.reason] : ["", ""];
      const entry = event("status", actor, now, { status: move.to, ...(value ? { detail: value } : {}) });
      const [noticeField, noticeEntry] = notice("status", { code, status: move.to });
      const args = [
        move.to, movableFrom(move.to).join(","), field, value, now, entry, code, storedActor(actor), INDEX.status(""),
        ACTIONS.includes(move.to) ? "1" : "0", noticeField, noticeEntry, now + retentionDays * 24 * 3_600_000,
      ];
      const keys = [caseKey(code), eventsKey(code), KEYS.audit, INDEX.fresh, INDEX.awaitingAction, KEYS.firstAction, KEYS.outbox, INDEX.retained];
      const [kind, status] = await MOVE(redis, keys, args);
      if (kind === "moved") return { kind, from: statusOf(status)! };
      if (kind === "refused") return { kind, status: statusOf(status)! };
      return { kind: "missing" };
    },

    // Staff actions keep their exact time: they account for who saw what, and say nothing about the reporter.
    async logAccess(code, actor) {
      const now = Date.now();
      await redis.multi().xadd(KEYS.audit, "*", "action", "opened", "code", code, "actor", storedActor(actor)).rpush(eventsKey(code), event("opened", actor, now)).exec();
    },
  };
}
