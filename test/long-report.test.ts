import { describe, expect, it } from "vitest";
import { NARRATIVE_MAX } from "../src/complaints/model.js";
import { htmlToText } from "../src/html.js";
import { FakeTelegram, type ChatMessage } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { caseStore, fillReport, labels, openAsCaseworker, sendReport, STAFF_CHAT, summaryOf } from "./report-helpers.js";

const redis = useRedis();

/** 4,000 characters of Cyrillic, with < and & that grow when escaped, line breaks and an emoji. */
const story = (label: string) =>
  Array.from({ length: 200 }, (_, i) => `${label} ${i}: меня <били> & пугали 😀`).join("\n").slice(0, NARRATIVE_MAX);

const visible = (messages: ChatMessage[]) => messages.map((message) => htmlToText(message.text));
const squeezed = (text: string) => text.replace(/\s/g, "");

function expectWithinLimit(messages: ChatMessage[]) {
  expect(messages.length).toBeGreaterThan(1);
  for (const text of visible(messages)) expect(text.length).toBeLessThanOrEqual(4096);
}

/** Everything the messages say, without the white space that a cut between two of them drops. */
const whole = (messages: ChatMessage[]) => squeezed(visible(messages).join(""));

async function longReport() {
  const telegram = new FakeTelegram();
  const bot = createTestBot(redis, { telegram, env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
  const l = labels(bot, "ru");
  const person = bot.user({ id: newUserId(), language_code: "ru" });
  const narrative = story("Ночь");
  expect(narrative).toHaveLength(NARRATIVE_MAX);
  await fillReport(person, l, { narrative, contact: "phone" });
  return { bot, telegram, l, person, narrative };
}

/** «Open» under the staff alert, pressed by a new caseworker; returns their private chat's messages. */
async function openCase({ bot }: Pick<Awaited<ReturnType<typeof longReport>>, "bot">, code: string) {
  const caseworker = await openAsCaseworker(redis, bot, code);
  expect(bot.telegram.calls.filter((call) => call.payload.chat_id === caseworker.id).every((call) => call.payload.protect_content === true)).toBe(true);
  return caseworker.messages;
}

describe("a report as long as the form takes", () => {
  it("shows a 4,000-character narrative in a summary of several messages, each within Telegram's limit, with the buttons under the last", async () => {
    const { l, person, narrative } = await longReport();
    const summary = summaryOf(person, l);
    expectWithinLimit(summary);
    expect(whole(summary)).toContain(squeezed(narrative));
    expect(whole(summary)).toContain("+996555123456");
    expect(summary.slice(0, -1).every((message) => buttonsOf(message).length === 0)).toBe(true);
    expect(buttonsOf(summary.at(-1)).map(buttonText)).toContain(l("report-send"));
  });

  it("is sent with «Send», and «Open» gives a caseworker the whole narrative over several messages", async () => {
    const report = await longReport();
    const { code } = await sendReport(report.person, report.l);
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const opened = await openCase(report, code);
    expectWithinLimit(opened);
    expect(opened[0]!.text).toContain(code);
    expect(whole(opened)).toContain(squeezed(report.narrative));
    expect(whole(opened)).toContain("+996555123456");
  });

  it("«Open» gives a case with several 4,000-character additions whole, in order, each message within the limit", async () => {
    const report = await longReport();
    const { code } = await sendReport(report.person, report.l);
    const cases = caseStore(redis, report.bot);
    const additions = ["Утро", "День", "Вечер"].map(story);
    for (const text of additions) await cases.addInformation(code, { text, attachments: [] }, Date.now());
    const opened = await openCase(report, code);
    expectWithinLimit(opened);
    expect(opened.length).toBeGreaterThanOrEqual(4);
    const at = [report.narrative, ...additions].map((text) => whole(opened).indexOf(squeezed(text)));
    expect(at.every((index, i) => index >= 0 && (i === 0 || index > at[i - 1]!))).toBe(true);
  });
});
