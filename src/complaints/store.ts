import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS } from "../redis.js";
import { bishkekIso } from "./bishkek-time.js";
import { DUMMY_PIN_HASH, hashPin, verifyPin } from "./codes.js";
import type { Attachment, Case, CaseSecret, CompleteDraft, PlaceType, Region, Status } from "./model.js";

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
export type AccessResult = "ok" | "denied" | "limited";

export interface CaseStore {
  submit(submission: Submission): Promise<SubmitResult>;
  get(code: string): Promise<Case | undefined>;
  /** The reporter's non-anonymous cases, newest first, without their content. */
  listOwn(reporterId: number): Promise<Case[]>;
  reportsToday(reporterId: number, now: number): Promise<number>;
  /** Counts a try against both limits before checking, so a wrong guess and a right one cost the same. */
  checkAccess(reporterId: number, code: string, pin: string): Promise<AccessResult>;
  isOwn(reporterId: number, code: string): Promise<boolean>;
  addInformation(code: string, addition: { text?: string; attachments: Attachment[] }, now: number): Promise<boolean>;
  withdraw(code: string, actor: string, now: number): Promise<boolean>;
  logAccess(code: string, actor: string): Promise<void>;
}

// All or nothing: the case, the index, the reporter's list, the daily count and the audit entry.
const SUBMIT = `
local draft = redis.call("HGET", KEYS[1], "draftId")
if draft then
  if draft == ARGV[1] then return "duplicate" end
  return "collision"
end
redis.call("HSET", KEYS[1], unpack(ARGV, 5))
redis.call("ZADD", KEYS[2], ARGV[3], ARGV[2])
if ARGV[4] == "1" then redis.call("SADD", KEYS[3], ARGV[2]) end
redis.call("INCR", KEYS[4])
redis.call("EXPIRE", KEYS[4], 172800)
redis.call("XADD", KEYS[5], "*", "action", "submitted", "code", ARGV[2])
return "created"
`;

// A "day" for the daily limit is a Bishkek day.
const bishkekDay = (now: number) => bishkekIso(now).slice(0, 10);

export function createCaseStore(redis: Redis, cipher: Cipher): CaseStore {
  const caseKey = (code: string) => KEYS.case + code;
  const ownKey = (reporterId: number) => KEYS.ownCases + cipher.pseudonym(String(reporterId));
  const quotaKey = (reporterId: number, now: number) => `${KEYS.quota}${cipher.pseudonym(String(reporterId))}:${bishkekDay(now)}`;
  const oldQuotaKeys = (reporterId: number, now: number) =>
    cipher.oldPseudonyms(String(reporterId)).map((pseudonym) => `${KEYS.quota}${pseudonym}:${bishkekDay(now)}`);

  // After a DATA_KEY rotation the person's earlier cases are listed under the old key's pseudonym: they
  // are moved to the current one on the first look, so «My reports» keeps them.
  async function ownCodes(reporterId: number): Promise<string[]> {
    const current = ownKey(reporterId);
    const old = cipher.oldPseudonyms(String(reporterId)).map((pseudonym) => KEYS.ownCases + pseudonym);
    if (old.length === 0) return redis.smembers(current);
    const replies = await redis.multi().sunionstore(current, current, ...old).del(...old).smembers(current).exec();
    return (replies?.[2]?.[1] ?? []) as string[];
  }

  function parse(code: string, fields: Record<string, string>, withSecret: boolean): Case | undefined {
    if (!fields.status) return undefined;
    return {
      code,
      status: fields.status as Status,
      placeType: fields.placeType as PlaceType,
      region: fields.region as Region,
      urgent: fields.urgent === "1",
      createdAt: Number(fields.createdAt),
      updatedAt: Number(fields.updatedAt),
      consentVersion: fields.consentVersion ?? "",
      consentAt: Number(fields.consentAt),
      secret: withSecret && fields.secret ? (JSON.parse(cipher.decrypt(fields.secret)) as CaseSecret) : undefined,
    };
  }

  const audit = (action: string, code: string, actor: string) => redis.xadd(KEYS.audit, "*", "action", action, "code", code, "actor", actor);

  return {
    async submit({ code, draftId, pin, draft, consentVersion, consentAt, reporterId, now }) {
      const secret: CaseSecret = {
        reporter: draft.reporter,
        placeName: draft.placeName,
        when: draft.when,
        whenText: draft.whenText,
        narrative: draft.narrative,
        attachments: draft.attachments,
        contact: draft.contact,
        additions: [],
      };
      const fields = {
        draftId, status: "new", placeType: draft.placeType, region: draft.region, urgent: draft.urgent ? "1" : "0",
        createdAt: now, updatedAt: now, consentVersion, consentAt, pinHash: await hashPin(pin), secret: cipher.encrypt(JSON.stringify(secret)),
      };
      const named = draft.contact.kind !== "anonymous";
      const keys = [caseKey(code), KEYS.cases, ownKey(reporterId), quotaKey(reporterId, now), KEYS.audit];
      return (await redis.eval(SUBMIT, keys.length, ...keys, draftId, code, now, named ? "1" : "0", ...Object.entries(fields).flat())) as SubmitResult;
    },

    async get(code) {
      return parse(code, await redis.hgetall(caseKey(code)), true);
    },

    async listOwn(reporterId) {
      const codes = await ownCodes(reporterId);
      const cases = await Promise.all(codes.map(async (code) => parse(code, await redis.hgetall(caseKey(code)), false)));
      return cases.filter((item): item is Case => item !== undefined).sort((a, b) => b.createdAt - a.createdAt);
    },

    async reportsToday(reporterId, now) {
      const counts = await redis.mget(quotaKey(reporterId, now), ...oldQuotaKeys(reporterId, now));
      return counts.reduce((sum, count) => sum + Number(count ?? 0), 0);
    },

    async checkAccess(reporterId, code, pin) {
      const counters = [`${KEYS.tries}account:${cipher.pseudonym(String(reporterId))}`, `${KEYS.tries}code:${code}`];
      const replies = await redis.multi().incr(counters[0]!).expire(counters[0]!, 3600, "NX").incr(counters[1]!).expire(counters[1]!, 3600, "NX").exec();
      const tries = [replies?.[0]?.[1], replies?.[2]?.[1]].map(Number);
      if (tries.some((count) => count > TRIES_PER_HOUR)) return "limited";
      const pinHash = await redis.hget(caseKey(code), "pinHash");
      return (await verifyPin(pin, pinHash ?? DUMMY_PIN_HASH)) && pinHash ? "ok" : "denied";
    },

    async isOwn(reporterId, code) {
      return (await ownCodes(reporterId)).includes(code);
    },

    async addInformation(code, addition, now) {
      const stored = await this.get(code);
      if (!stored?.secret || stored.status === "withdrawn") return false;
      stored.secret.additions.push({ at: now, ...addition });
      await redis.hset(caseKey(code), { secret: cipher.encrypt(JSON.stringify(stored.secret)), updatedAt: now });
      return true;
    },

    async withdraw(code, actor, now) {
      const status = await redis.hget(caseKey(code), "status");
      if (!status || status === "withdrawn") return false;
      // Only the plain statistics stay: place type, region, urgency and the times.
      await redis.multi().hdel(caseKey(code), "secret").hset(caseKey(code), { status: "withdrawn", updatedAt: now }).exec();
      await audit("withdrawn", code, actor);
      return true;
    },

    async logAccess(code, actor) {
      await audit("opened", code, actor);
    },
  };
}
