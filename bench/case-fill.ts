/**
 * Made-up cases for `npm run bench:cases`: what happens to each (sent, opened, assigned, moved, added to,
 * withdrawn), written either through the real store, one case at a time, or straight into a pipeline with
 * the same keys and fields the store's scripts write, which is what makes 100,000 cases quick to write.
 * The two are compared on one case before every run (`sameShape`), so the bench notices when the store
 * starts writing something else.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ChainableCommander } from "ioredis";
import { newCaseCode } from "../src/complaints/codes.js";
import { CONTACTS, PLACE_TYPES, REGIONS, REPORTERS, WHEN, type Contact } from "../src/complaints/model.js";
import { CLOSE_REASONS, REFERRAL_BODIES, type MoveDetail, type Status } from "../src/complaints/statuses.js";
import { CONTENT, draftMark, hourOf, ownList, type CaseStore, type Submission } from "../src/complaints/store.js";
import { CODE_WIDTH, INDEX, monthOf } from "../src/complaints/case-index.js";
import { ACTIONS } from "../src/complaints/deadlines.js";
import { decodeEvent, encodeEvent } from "../src/complaints/events.js";
import { storedActor } from "../src/audit/stream.js";
import type { Cipher } from "../src/crypto.js";
import { KEYS, type Redis } from "../src/redis.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** As the bench's store keeps closed cases (the default of RETENTION_DAYS). */
export const RETENTION_DAYS = 365;
const YEARS = 3;
export const STAFF = Array.from({ length: 12 }, (_, index) => 700_000_001 + index);

export type Step =
  | { kind: "opened"; actor: string; at: number }
  | { kind: "assigned"; assignee: number; actor: string; at: number }
  | { kind: "moved"; move: MoveDetail; actor: string; at: number }
  | { kind: "added"; text: string; at: number }
  | { kind: "withdrawn"; at: number };

export interface CasePlan {
  submission: Submission;
  steps: Step[];
}

/** A seeded generator (mulberry32), so every run writes the same cases. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]) => values[Math.floor(random() * values.length)]!;
function weighted<T>(random: Random, weights: ReadonlyArray<readonly [T, number]>): T {
  let left = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weights) if ((left -= weight) < 0) return value;
  return weights[0]![0];
}

const REGION_WEIGHTS = REGIONS.map((region, index) => [region, [30, 8, 18, 4, 6, 4, 10, 10, 4, 2, 4][index]!] as const);
const PLACE_WEIGHTS = PLACE_TYPES.map((place, index) => [place, [50, 15, 12, 5, 3, 3, 4, 8][index]!] as const);
// Where cases stand by their age: recent ones are still open, old ones mostly closed or referred.
const STATUS_BY_AGE: Array<[maxDays: number, weights: Array<readonly [Status, number]>]> = [
  [7, [["new", 50], ["in-review", 30], ["needs-information", 10], ["referred", 5], ["closed", 3], ["withdrawn", 2]]],
  [60, [["new", 5], ["in-review", 25], ["needs-information", 10], ["referred", 30], ["closed", 27], ["withdrawn", 3]]],
  [Infinity, [["new", 0.5], ["in-review", 3], ["needs-information", 2], ["referred", 20], ["closed", 71.5], ["withdrawn", 3]]],
];

/** Real prose in both languages, for accounts that compress like real ones: the rights cards' texts. */
function prose(locale: string): string {
  const ftl = readFileSync(fileURLToPath(new URL(`../locales/${locale}/rights.ftl`, import.meta.url)), "utf8");
  const bodies = ftl.split(/\n(?=\S)/).filter((entry) => /^rights-[\w-]+-(body|next) =/.test(entry));
  return bodies.map((entry) => entry.replace(/^[\w-]+ =/, "").replace(/<[^>]+>|\{[^}]*\}/g, "").replace(/\s+/g, " ").trim()).join(" ");
}
const PROSE = { ru: prose("ru"), ky: prose("ky") };

/** Typed accounts run from a line to a few pages: a mean of about 560 characters, four in five in Russian. */
function narrative(random: Random): string {
  const length = Math.round(weighted(random, [[40 + random() * 160, 30], [200 + random() * 400, 45], [600 + random() * 900, 20], [1500 + random() * 2500, 5]]));
  const text = random() < 0.8 ? PROSE.ru : PROSE.ky;
  const start = Math.floor(random() * (text.length - length));
  return text.slice(start, start + length);
}

const fileId = () => `AgACAgIAAxkBAAI${randomBytes(48).toString("base64url")}`;

function contactOf(random: Random, reporterId: number): Contact {
  const kind = weighted(random, [[CONTACTS[0], 40], [CONTACTS[1], 35], [CONTACTS[2], 25]]);
  if (kind === "phone") return { kind, phone: `+996${700_000_000 + Math.floor(random() * 99_999_999)}` };
  return kind === "chat" ? { kind, chatId: reporterId } : { kind };
}

function submissionOf(random: Random, code: string, sent: number): Submission {
  const reporterId = 100_000_000 + Math.floor(random() * 900_000_000);
  const files = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
  return {
    code, draftId: randomUUID(), pin: "000000", consentVersion: "2026-11-30", consentAt: sent - 5 * 60_000, reporterId, locale: "ru", now: sent,
    draft: {
      reporter: pick(random, REPORTERS), placeType: weighted(random, PLACE_WEIGHTS), region: weighted(random, REGION_WEIGHTS),
      when: pick(random, WHEN), narrative: narrative(random), urgent: random() < 0.12,
      attachments: Array.from({ length: files }, () => ({ kind: "photo" as const, fileId: fileId() })), contact: contactOf(random, reporterId),
      ...(random() < 0.5 ? { placeName: "Октябрьский РУВД, Бишкек" } : {}),
      ...(random() < 0.2 ? { whenText: "в ночь на субботу" } : {}),
      ...(random() < 0.05 ? { recordings: [{ kind: "voice" as const, fileId: fileId() }] } : {}),
    },
  };
}

/** The staff's moves that bring a case from «new» to `status`; the first one that acts on it comes after `acted`. */
function movesTo(random: Random, status: Status): MoveDetail[] {
  const referred: MoveDetail = { to: "referred", body: pick(random, REFERRAL_BODIES) };
  const closed: MoveDetail = { to: "closed", reason: pick(random, CLOSE_REASONS) };
  if (status === "in-review") return [{ to: "in-review" }];
  if (status === "needs-information") return [{ to: "needs-information" }];
  if (status === "referred") return [{ to: "in-review" }, referred];
  if (status === "closed") return random() < 0.3 ? [{ to: "needs-information" }, { to: "in-review" }, closed] : [{ to: "in-review" }, closed];
  return [];
}

/** `count` moments in the three years before `now`, oldest first: cases are numbered in the order sent. */
export const sendingTimes = (random: Random, now: number, count: number) =>
  Array.from({ length: count }, () => now - Math.floor(random() * YEARS * 365 * DAY)).sort((a, b) => a - b);

/** A case sent at `sent`, some time in the last three years before `now`, and what happened to it since. */
export function planCase(random: Random, now: number, sent = sendingTimes(random, now, 1)[0]!, code = newCaseCode()): CasePlan {
  const status = weighted(random, STATUS_BY_AGE.find(([maxDays]) => now - sent < maxDays * DAY)![1]);
  const submission = submissionOf(random, code, sent);
  const actor = `staff:${pick(random, STAFF)}`;
  let at = sent + Math.floor(random() * 6 * HOUR);
  const later = (hours: number) => Math.min(now, (at += Math.floor(random() * hours * HOUR) + 60_000));
  const steps: Step[] = [];
  if (status !== "new" || random() < 0.3) steps.push({ kind: "opened", actor, at: later(1) });
  if (status !== "withdrawn" && (status !== "new" || random() < 0.1)) steps.push({ kind: "assigned", assignee: pick(random, STAFF), actor, at: later(4) });
  for (const move of movesTo(random, status)) steps.push({ kind: "moved", move, actor, at: later(60) });
  if (status !== "withdrawn" && random() < 0.1) steps.push({ kind: "added", text: narrative(random).slice(0, 300), at: later(48) });
  if (status === "withdrawn") steps.push({ kind: "withdrawn", at: later(100) });
  return { submission, steps };
}

/** Hours from the sending hour to the first move that acts on the case, as the store's `firstAction` keeps them. */
export function firstActionHours({ submission, steps }: CasePlan): number | undefined {
  const first = steps.find((step) => step.kind === "moved" && step.move.to !== "in-review");
  return first && Math.round((first.at - hourOf(submission.now)) / HOUR);
}

/** The case written through the store, as the bot writes it. */
export async function storePlan(store: CaseStore, { submission, steps }: CasePlan): Promise<void> {
  const { code } = submission;
  if ((await store.submit(submission)) !== "created") throw new Error(`could not store ${code}`);
  for (const step of steps) {
    if (step.kind === "opened") await store.logAccess(code, step.actor);
    if (step.kind === "assigned") await store.assign(code, step.assignee, step.actor, step.at);
    if (step.kind === "moved") await store.move(code, step.move, step.actor, step.at);
    if (step.kind === "added") await store.addInformation(code, { text: step.text, attachments: [] }, step.at);
    if (step.kind === "withdrawn") await store.withdraw(code, "reporter", step.at);
  }
}

const fakePinHash = () => randomBytes(48).toString("base64");
const event = encodeEvent;

/**
 * The same case, queued on `batch` as the keys and fields the store's scripts leave behind (without the
 * reporter's daily counter and the staff alert's outbox entry, which are gone within two days), plus its
 * count in `firstAction`, as case number `n`. No scrypt: a PIN hash of the same form is made up.
 */
export function queuePlan(batch: ChainableCommander, cipher: Cipher, plan: CasePlan, n: number): void {
  const { submission: { code, draftId, draft, consentVersion, consentAt, reporterId, locale, now }, steps } = plan;
  const hour = hourOf(now);
  const { reporter, placeName, when, whenText, narrative: text, recordings, attachments, contact } = draft;
  const owner = contact.kind === "anonymous" ? undefined : cipher.pseudonym(String(reporterId));
  const secret = { reporter, placeName, when, whenText, narrative: text, recordings, attachments, contact, createdAt: now, consentAt, locale, owner };
  const fields: Record<string, string | number> = {
    n, draftId: draftMark(draftId), status: "new", placeType: draft.placeType, region: draft.region, urgent: draft.urgent ? "1" : "0",
    createdAt: hour, updatedAt: hour, consentVersion, consentAt: hourOf(consentAt), pinHash: fakePinHash(), notify: "0",
  };
  let content: Buffer | undefined = cipher.encryptCompressedBytes(JSON.stringify(secret));
  const events = [event({ action: "submitted", actor: "reporter", at: hour })];
  const additions: string[] = [];
  for (const step of steps) {
    if (step.kind === "opened") {
      events.push(event({ action: "opened", actor: step.actor, at: step.at }));
      batch.xadd(KEYS.audit, "*", "action", "opened", "code", code, "actor", storedActor(step.actor));
    } else if (step.kind === "assigned") {
      Object.assign(fields, { assignee: step.assignee, updatedAt: step.at });
      events.push(event({ action: "assigned", actor: step.actor, at: step.at, detail: String(step.assignee) }));
      batch.xadd(KEYS.audit, "*", "action", "assigned", "code", code, "actor", storedActor(step.actor), "assignee", step.assignee);
    } else if (step.kind === "moved") {
      const { move } = step;
      const detail = move.to === "referred" ? move.body : move.to === "closed" ? move.reason : undefined;
      Object.assign(fields, { status: move.to, updatedAt: step.at }, move.to === "referred" ? { referredTo: detail } : move.to === "closed" ? { closedReason: detail } : {});
      if (ACTIONS.includes(move.to)) fields.firstActionAt ??= step.at;
      if (move.to === "closed") fields.retainUntil = step.at + RETENTION_DAYS * DAY;
      else delete fields.retainUntil;
      events.push(event({ action: "status", actor: step.actor, at: step.at, status: move.to, ...(detail ? { detail } : {}) }));
      batch.xadd(KEYS.audit, "*", "action", `status:${move.to}`, "code", code, "actor", storedActor(step.actor));
    } else if (step.kind === "added") {
      additions.push(cipher.encryptCompressed(JSON.stringify({ at: step.at, text: step.text, attachments: [] })));
      fields.updatedAt = hourOf(step.at);
      events.push(event({ action: "added", actor: "reporter", at: hourOf(step.at) }));
    } else {
      content = undefined;
      delete fields.retainUntil;
      additions.length = 0;
      Object.assign(fields, { status: "withdrawn", updatedAt: hourOf(step.at) });
      events.push(event({ action: "withdrawn", actor: "reporter", at: hourOf(step.at) }));
    }
  }
  batch.hset(KEYS.case + code, fields).rpush(`${KEYS.case}${code}:events`, ...events);
  if (content !== undefined) batch.set(KEYS.case + code + CONTENT, content);
  if (additions.length > 0) batch.rpush(`${KEYS.case}${code}:additions`, ...additions);
  batch.incr(KEYS.caseCount).setrange(KEYS.caseCodes, n * CODE_WIDTH, code).hincrby(KEYS.caseMonths, monthOf(hour), 1);
  batch.setbit(INDEX.status(fields.status as Status), n, 1).setbit(INDEX.region(draft.region), n, 1).setbit(INDEX.place(draft.placeType), n, 1);
  if (draft.urgent) batch.setbit(INDEX.urgent, n, 1);
  if (fields.assignee !== undefined) batch.setbit(INDEX.assignee(Number(fields.assignee)), n, 1);
  if (fields.status === "new") batch.zadd(INDEX.fresh, hour, n);
  if (owner) batch.hset(ownList(owner).key, ownList(owner).field, code);
  if (fields.firstActionAt === undefined && fields.status !== "withdrawn") batch.zadd(INDEX.awaitingAction, hour, n);
  if (fields.retainUntil !== undefined) batch.setbit(INDEX.retained, n, 1);
  const acted = firstActionHours(plan);
  if (acted !== undefined) batch.hincrby(KEYS.firstAction, String(acted), 1);
}

/** Every key of the database with the code taken out of its name: its type, and its fields or entries' kinds. */
async function shapeOf(redis: Redis, code: string): Promise<Record<string, unknown>> {
  const shape: Record<string, unknown> = {};
  for (const key of (await redis.keys("*")).sort()) {
    if (key.startsWith(KEYS.quota) || key === KEYS.outbox || key === KEYS.firstAction) continue;
    const type = await redis.type(key);
    // A bitmap the case has left (a status it moved on from) stays behind with no bit set: it holds nothing.
    if (key.startsWith(KEYS.caseBits) && (await redis.bitcount(key)) === 0) continue;
    const name = `${key.replace(code, "<code>")} (${type})`;
    if (type === "hash") shape[name] = Object.keys(await redis.hgetall(key)).sort();
    else if (type === "zset") shape[name] = await redis.zrange(key, "0", "-1", "WITHSCORES");
    else if (type === "set") shape[name] = await redis.scard(key);
    else if (type === "list") shape[name] = (await redis.lrange(key, 0, -1)).map((entry) => (key.endsWith(":events") ? decodeEvent(entry).action : "sealed"));
    else if (type === "string") shape[name] = (await redis.getBuffer(key))?.subarray(0, 2).toString("hex");
    else if (type === "stream") shape[name] = (await redis.xrange(key, "-", "+")).map(([, fields]) => fields.filter((_, index) => index % 2 === 0).join(","));
  }
  return shape;
}

/** Whether the pipeline writes what the store writes, for one case that goes through every kind of step. */
export async function sameShape(redis: Redis, store: CaseStore, cipher: Cipher, now: number) {
  const random = seeded(7);
  const plan = planCase(random, now);
  plan.steps = [
    { kind: "opened", actor: "staff:1", at: now }, { kind: "assigned", assignee: 2, actor: "staff:1", at: now },
    { kind: "moved", move: { to: "needs-information" }, actor: "staff:1", at: now }, { kind: "added", text: "ещё", at: now },
    { kind: "moved", move: { to: "closed", reason: "acted-on" }, actor: "staff:1", at: now },
  ];
  const queued = async () => {
    const batch = redis.pipeline();
    queuePlan(batch, cipher, plan, 0);
    await batch.exec();
  };
  const shapes: string[] = [];
  for (const write of [() => storePlan(store, plan), queued]) {
    await redis.flushdb();
    await write();
    shapes.push(JSON.stringify(await shapeOf(redis, plan.submission.code), null, 1));
  }
  await redis.flushdb();
  return { same: shapes[0] === shapes[1], store: shapes[0]!, pipeline: shapes[1]! };
}
