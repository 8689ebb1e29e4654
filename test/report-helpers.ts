import { entryOf } from "../src/audit/stream.js";
import { expect } from "vitest";
import type { Message } from "grammy/types";
import type { Locale } from "../src/config.js";
import { KEYS, type Redis } from "../src/redis.js";
import { createCaseStore, type CaseStore, type Submission } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId } from "./harness.js";

export type TestBot = ReturnType<typeof createTestBot>;

export const STAFF_CHAT = -1001234500000;

/** The label or text of a message id, as the person sees it. */
export function labels(bot: TestBot, locale: Locale) {
  return (key: string, vars: Record<string, string | number> = {}) => bot.i18n.t(locale, key, vars);
}

/** A fresh test bot, its texts in one language, and someone new speaking that language. */
export function reportPerson(redis: Redis, locale: Locale) {
  const bot = createTestBot(redis);
  return { bot, l: labels(bot, locale), person: bot.user({ id: newUserId(), language_code: locale }) };
}

export const photo = (id: string, group?: string) => ({
  photo: [{ file_id: `small-${id}`, file_unique_id: `s${id}`, width: 90, height: 90 }, { file_id: `photo-${id}`, file_unique_id: id, width: 800, height: 800 }],
  ...(group ? { media_group_id: group } : {}),
});

export const sticker = { sticker: { file_id: "st", file_unique_id: "st", type: "regular" as const, width: 1, height: 1, is_animated: false, is_video: false } };

export interface Answers {
  narrative?: string;
  placeName?: string;
  urgent?: boolean;
  contact?: "anonymous" | "chat" | "phone";
  /** Asked after «reply in this chat»: hear of status changes (no by default). */
  notify?: boolean;
  phone?: string;
  evidence?: number;
}

/** /report and consent: the form then waits for the first question. */
export async function startReport(person: FakeUser, l: ReturnType<typeof labels>) {
  await person.send("/report");
  await person.click(l("report-agree"));
}

/** Goes from /report to the summary, answering every question with the given or default answers. */
export async function fillReport(person: FakeUser, l: ReturnType<typeof labels>, answers: Answers = {}) {
  await startReport(person, l);
  await person.click(l("report-reporter-relative"));
  await person.click(l("report-place-police"));
  await person.click(l("report-region-osh"));
  if (answers.placeName) await person.send(answers.placeName);
  else await person.click(l("report-skip"));
  await person.click(l("report-when-yesterday"));
  await person.send(answers.narrative ?? "They beat my brother at the station for two hours.");
  await person.click(l("report-continue"));
  await person.click(l(answers.urgent ? "report-urgency-yes" : "report-urgency-no"));
  for (let i = 0; i < (answers.evidence ?? 0); i++) await person.sendMessage(photo(String(i)));
  await person.click(l("report-done"));
  await person.click(l(`report-contact-${answers.contact ?? "anonymous"}`));
  if (answers.contact === "phone") await person.send(answers.phone ?? "+996 555 123 456");
  if (answers.contact === "chat") await person.click(l(answers.notify ? "report-notify-yes" : "report-notify-no"));
  expect(summaryOf(person, l)[0]!.text).toMatch(new RegExp(`^<b>${l("report-summary")}</b>`));
  expect(buttonsOf(person.last).map(buttonText)).toContain(l("report-send"));
}

/** The newest summary: its first message and the rest of it, which a long report spreads over. */
export function summaryOf(person: FakeUser, l: ReturnType<typeof labels>) {
  return person.messages.slice(person.messages.findLastIndex((message) => message.text.startsWith(`<b>${l("report-summary")}</b>`)));
}

/** Presses «Send» and returns the case code and PIN from the confirmation. */
export async function sendReport(person: FakeUser, l: ReturnType<typeof labels>) {
  await person.click(l("report-send"));
  const match = /<code>([A-Z0-9-]{11})<\/code>[\s\S]*<code>(\d{6})<\/code>/.exec(person.last.text);
  if (!match) throw new Error(`no case code in: ${person.last.text}`);
  return { code: match[1]!, pin: match[2]! };
}

/** How the caseworker of openAsCaseworker is called in Telegram. */
export const CASEWORKER_NAME = "Айгуль <А.>";

/** A new caseworker presses «Open» under the staff alert of the case; they are returned, with what they got. */
export async function openAsCaseworker(redis: Redis, bot: TestBot, code: string) {
  await bot.deliverAlerts();
  const staffId = newUserId();
  await redis.sadd(KEYS.roles + staffId, "caseworker");
  const caseworker = bot.user({ id: staffId, language_code: "ru", first_name: CASEWORKER_NAME });
  const alert = bot.telegram.chat(STAFF_CHAT).find((message) => message.text.includes(code))!;
  await caseworker.press(alert, buttonsOf(alert)[0]!);
  return caseworker;
}

/** Every value stored in this Redis database, as raw text, to look for leaks. */
export async function rawRedis(redis: Redis): Promise<string> {
  const values: string[] = [];
  for (const key of await redis.keys("*")) {
    const type = await redis.type(key);
    if (type === "string") values.push((await redis.get(key)) ?? "");
    else if (type === "hash") values.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === "set") values.push(JSON.stringify(await redis.smembers(key)));
    else if (type === "zset") values.push(JSON.stringify(await redis.zrange(key, "0", "-1")));
    else if (type === "list") values.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === "stream") values.push(JSON.stringify(await redis.xrange(key, "-", "+")));
    values.push(key);
  }
  return values.join("\n");
}

/**
 * Makes the database look as index version 3 left it: no case numbers, bitmaps or counts, every case in
 * the sorted set `cases` by the hour sent (and, for `statuses`, in the earlier per-status sets).
 */
export async function asIndexedBeforeNumbers(redis: Redis, version = "3"): Promise<void> {
  const codes = (await redis.keys(`${KEYS.case}*`)).filter((key) => key.split(":").length === 2).map((key) => key.slice(KEYS.case.length));
  for (const key of [...(await redis.keys(`${KEYS.caseBits}*`)), KEYS.caseCount, KEYS.caseCodes, KEYS.caseMonths, `${KEYS.casesBy}new`, `${KEYS.casesBy}awaiting`]) await redis.del(key);
  for (const code of codes) {
    const [hour, status] = await redis.hmget(KEYS.case + code, "createdAt", "status");
    await redis.multi().hdel(KEYS.case + code, "n").zadd("cases", hour!, code).zadd(`${KEYS.casesBy}status:${status}`, hour!, code).exec();
  }
  await redis.set(`${KEYS.casesBy}version`, version);
}

/** The audit stream's entries as lines, "action … code … actor staff:… <other fields>", oldest first. */
export async function auditLines(redis: Redis): Promise<string[]> {
  return (await redis.xrange(KEYS.audit, "-", "+")).map(entryOf).map(({ action, code, actor, details }) =>
    [`action ${action}`, code === undefined ? "" : ` code ${code}`, ` actor ${actor}`, ...Object.entries(details).map(([key, value]) => ` ${key} ${value}`)].join(""));
}

/** The bot's case store, with its key. */
export const caseStore = (redis: Redis, bot: TestBot) => createCaseStore(redis, createCipher(bot.config.dataKey));

/** The case as the bot stores it, decrypted. */
export const storedCase = (redis: Redis, bot: TestBot, code: string) => caseStore(redis, bot).get(code);

/** What happened to the case, oldest first. */
export const storedHistory = (redis: Redis, bot: TestBot, code: string) => caseStore(redis, bot).history(code);

let storedSerial = 0;

/** Stores a complete case straight through the store (no form), with a code starting with `prefix`, sent `now`. */
export async function storeCase(store: CaseStore, prefix: string, draft: Partial<Submission["draft"]> = {}, now = Date.now()): Promise<string> {
  storedSerial++;
  const code = `${prefix}-${String(storedSerial).padStart(3, "0")}-AAA`;
  const submission: Submission = {
    code, draftId: `draft-${prefix}-${storedSerial}`, pin: "123456", consentVersion: "v", consentAt: now, reporterId: newUserId(), locale: "ru", now,
    draft: {
      reporter: "victim", placeType: "police", region: "osh", when: "today", narrative: "They beat me at the station, secret narrative.",
      urgent: false, attachments: [], contact: { kind: "phone", phone: "+996555123456" }, ...draft,
    },
  };
  expect(await store.submit(submission)).toBe("created");
  return code;
}

/** Answers a message of the bot the way Telegram's reply field does (force_reply prompts are answered so). */
export function replyTo(bot: TestBot, user: FakeUser, prompt: { message_id: number; text: string }, text: string) {
  const replied = { message_id: prompt.message_id, date: 0, chat: { id: user.id, type: "private", first_name: "U" }, from: bot.bot.botInfo, text };
  return user.sendMessage({ text, reply_to_message: { ...replied, text: prompt.text } as unknown as Message["reply_to_message"] });
}
