import type { Message } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import { createCaseStore } from "../src/complaints/store.js";
import { movableFrom, NEXT, STATUSES, type Status } from "../src/complaints/statuses.js";
import { createCipher } from "../src/crypto.js";
import { KEYS } from "../src/redis.js";
import { escapeHtml } from "../src/html.js";
import { localDate } from "../src/bot/report-view.js";
import { historyMessages } from "../src/bot/case-panel.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { CASEWORKER_NAME, fillReport, labels, openAsCaseworker, sendReport, STAFF_CHAT, storeCase } from "./report-helpers.js";

vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY));
const newCase = () => storeCase(store, "STA");
/** The panel's text: where the case stands, who has it, and whether its details may be shared. */
const panel = (l: (key: string, vars?: Record<string, string | number>) => string, code: string, status: string, assignee: string, consent = "none") =>
  [l("case-panel", { code, status, assignee }), l("case-share-consent", { state: consent })].join("\n");

describe("a case's history", () => {
  it("shows one person opening the case again and again as one line with a count", () => {
    const t = ((key: string, vars?: Record<string, unknown>) => `${key}${vars ? JSON.stringify(vars) : ""}`) as never;
    const opened = (actor: string, at: number) => ({ action: "opened", actor, at });
    const lines = historyMessages(t, "ABC-DEF-GHJ", [opened("staff:1", 0), opened("staff:1", 1), opened("staff:1", 2), opened("staff:2", 3), opened("staff:1", 4)], new Map([[1, "Айгуль"]]))[0]!.split("\n");
    expect(lines[1]).toBe("<i>case-history-hours</i>");
    expect(lines.slice(2).map((line) => line.replace(/^.* — /, ""))).toEqual([
      'Айгуль: case-event-opened{"detail":""} case-event-times{"times":3}',
      'case-actor-staff{"id":"2"}: case-event-opened{"detail":""}',
      'Айгуль: case-event-opened{"detail":""}',
    ]);
  });
});

describe("case statuses", () => {
  it("move only along the allowed paths, with the body or the reason, into the history and the audit", async () => {
    const code = await newCase();
    expect(await store.move(code, { to: "in-review" }, "staff:1", 1000)).toEqual({ kind: "moved", from: "new" });
    expect(await store.move(code, { to: "in-review" }, "staff:1", 1001)).toEqual({ kind: "refused", status: "in-review" });
    expect(await store.move(code, { to: "referred", body: "prosecutor" }, "staff:2", 1002)).toEqual({ kind: "moved", from: "in-review" });
    expect(await store.move(code, { to: "closed", reason: "referred-elsewhere" }, "staff:2", 1003)).toEqual({ kind: "moved", from: "referred" });
    const stored = await store.get(code);
    expect(stored?.status).toBe("closed");
    expect(await redis.hmget(KEYS.case + code, "referredTo", "closedReason")).toEqual(["prosecutor", "referred-elsewhere"]);
    const moves = (await store.history(code)).filter((event) => event.action === "status");
    expect(moves).toEqual([
      { action: "status", actor: "staff:1", at: 1000, status: "in-review" },
      { action: "status", actor: "staff:2", at: 1002, status: "referred", detail: "prosecutor" },
      { action: "status", actor: "staff:2", at: 1003, status: "closed", detail: "referred-elsewhere" },
    ]);
    const audit = (await redis.xrange(KEYS.audit, "-", "+")).map(([, fields]) => fields).filter((fields) => fields[3] === code);
    expect(audit.map((fields) => fields[1])).toEqual(["status:in-review", "status:referred", "status:closed"]);
  });

  it("never move a withdrawn case, nor one that does not exist", async () => {
    const code = await newCase();
    await store.withdraw(code, "reporter", Date.now());
    for (const to of ["in-review", "needs-information"] as const) expect(await store.move(code, { to }, "staff:1", 1)).toEqual({ kind: "refused", status: "withdrawn" });
    expect(await store.move("NOP-NOP-NOP", { to: "in-review" }, "staff:1", 1)).toEqual({ kind: "missing" });
  });

  it("read cases stored as «in-progress» as in review, and move them on", async () => {
    const code = await newCase();
    await redis.hset(KEYS.case + code, "status", "in-progress");
    expect((await store.get(code))?.status).toBe("in-review");
    expect(await store.move(code, { to: "needs-information" }, "staff:1", 1)).toEqual({ kind: "moved", from: "in-review" });
  });

  it("two caseworkers at the same moment: both moves are applied in turn or the second is refused, never lost silently", async () => {
    for (let i = 0; i < 50; i++) {
      const code = await newCase();
      const [first, second] = await Promise.all([
        store.move(code, { to: "in-review" }, "staff:1", 1),
        store.move(code, { to: "closed", reason: "duplicate" }, "staff:2", 1),
      ]);
      const moved = [first, second].filter((result) => result.kind === "moved").length;
      const history = (await store.history(code)).filter((event) => event.action === "status");
      // Every move reported as done is in the history, in the order applied, and the case is where the last one put it.
      expect(history).toHaveLength(moved);
      expect((await store.get(code))?.status).toBe(history.at(-1)?.status);
      expect(moved).toBe(2);
    }
  });

  it("has a path from every status a caseworker can reach to closed, and none out of withdrawn", () => {
    for (const status of STATUSES) {
      if (status === "withdrawn") expect(NEXT[status]).toEqual([]);
      else expect(status === "closed" || NEXT[status].includes("closed")).toBe(true);
    }
    expect(movableFrom("in-review").sort()).toEqual((["new", "needs-information", "referred", "closed"] as Status[]).sort());
  });
});

describe("a caseworker's case panel", () => {
  const staffBot = () => createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) }, telegram: new FakeTelegram() });

  async function reportAndOpen() {
    const bot = staffBot();
    const reporter = bot.user({ id: newUserId(), language_code: "ky" });
    const ky = labels(bot, "ky");
    await fillReport(reporter, ky, { narrative: "Мени бөлүмдө сабашты, моюнга алдырууну талап кылышты." });
    const { code } = await sendReport(reporter, ky);
    const caseworker = await openAsCaseworker(redis, bot, code);
    return { bot, code, caseworker, reporter, ky, l: labels(bot, "ru") };
  }

  it("comes after the case, moves it with a body or a reason, and shows its history", async () => {
    const { code, caseworker, l } = await reportAndOpen();
    const nobody = l("case-unassigned");
    // «Yesterday» is read days later: the case view says which day that was.
    expect(caseworker.messages[0]!.text).toContain(`${l("report-when-yesterday")} (${localDate(Date.now() - 24 * 3_600_000)})`);
    expect(caseworker.last.text).toBe(panel(l, code, l("case-status-new"), nobody));
    expect(buttonsOf(caseworker.last).map(buttonText)).toEqual([
      l("case-move-in-review"), l("case-move-needs-information"), l("case-move-referred"), l("case-move-closed"), l("case-take"), l("case-give"),
      l("case-reply"), l("case-ask-consent"), l("case-evidence"), l("case-note"), l("case-history"),
    ]);
    await caseworker.click(l("case-move-in-review"));
    expect(caseworker.last.text).toBe(panel(l, code, l("case-status-in-review"), nobody));
    // A second step can be left without choosing.
    await caseworker.click(l("case-move-closed"));
    expect(caseworker.last.text).toBe(l("case-choose-closed", { code }));
    await caseworker.click(l("rights-back"));
    expect(caseworker.last.text).toBe(panel(l, code, l("case-status-in-review"), nobody));
    await caseworker.click(l("case-move-referred"));
    expect(caseworker.last.text).toBe(l("case-choose-referred", { code }));
    await caseworker.click(l("case-referred-prosecutor"));
    // The panel changes in place; what to pass on comes under it, with no way to reach the reporter unasked.
    const panelMessage = caseworker.messages.findLast((message) => message.text.startsWith(l("case-panel", { code, status: l("case-status-referred"), assignee: nobody })))!;
    expect(panelMessage.text).toBe(panel(l, code, l("case-status-referred"), nobody));
    expect(caseworker.last.text).toContain(l("case-referral-title", { code }));
    expect(caseworker.last.text).toContain(l("case-share-consent", { state: "none" }));
    expect(caseworker.calls.findLast((call) => call.method === "sendMessage")?.payload.protect_content).toBe(true);
    await caseworker.click(l("case-history"));
    const history = caseworker.last.text;
    expect(history).toContain(l("case-history-title", { code }));
    expect(history).toContain(`${l("case-actor-reporter")}: ${l("case-event-submitted")}`);
    // Staff are named as the bot learned their names (escaped), once they have used a staff command.
    expect(history).toContain(`${escapeHtml(CASEWORKER_NAME)}: ${l("case-event-opened")}`);
    expect(CASEWORKER_NAME).toContain("<");
    expect(history).toContain(`${l("case-status-referred")} (${l("case-referred-prosecutor")})`);
    expect((await store.get(code))?.status).toBe("referred");
  });

  it("tells the second of two caseworkers that the case changed meanwhile, and shows it as it is", async () => {
    const { code, caseworker, l } = await reportAndOpen();
    const shown = caseworker.last;
    await caseworker.pressData(shown, `cs:${code}:closed:duplicate`);
    await caseworker.pressData(shown, `cs:${code}:needs-information`);
    const refusal = caseworker.calls.filter((call) => call.method === "answerCallbackQuery").at(-1)!.payload;
    expect(refusal).toMatchObject({ text: l("case-move-refused", { status: l("case-status-closed") }), show_alert: true });
    expect((await store.get(code))?.status).toBe("closed");
  });

  it("does nothing for anyone who is not a caseworker, whatever the button says", async () => {
    const { bot, code } = await reportAndOpen();
    const citizen = bot.user({ id: newUserId(), language_code: "ru" });
    const before = await store.history(code);
    for (const data of [`cs:${code}:closed:duplicate`, `cs:${code}:in-review`, `ch:${code}`]) {
      await citizen.pressData({ message_id: 1, text: "" }, data);
    }
    expect(citizen.messages).toEqual([]);
    expect(citizen.calls.every((call) => call.method === "answerCallbackQuery" && call.payload.text === labels(bot, "ru")("unhandled-button"))).toBe(true);
    expect(await store.history(code)).toEqual(before);
  });

  it("is taken by a caseworker or given to another, who is told; the list shows «mine»; never to someone without the role", async () => {
    const { bot, code, caseworker, l, ky } = await reportAndOpen();
    // A Kyrgyz-speaking colleague who has used the staff list, so the bot knows their name and language.
    const other = bot.user({ id: newUserId(), language_code: "ky", first_name: "Бакыт" });
    await redis.sadd(KEYS.roles + other.id, "caseworker");
    await other.send("/cases");
    await caseworker.click(l("case-take"));
    expect(caseworker.last.text).toBe(panel(l, code, l("case-status-new"), escapeHtml(CASEWORKER_NAME)));
    expect(buttonsOf(caseworker.last).map(buttonText)).not.toContain(l("case-take"));
    await caseworker.click(l("case-give"));
    expect(caseworker.last.text).toBe(l("case-choose-assignee", { code }));
    await caseworker.click("Бакыт");
    // Told in their own language, not the giver's.
    expect(other.last.text).toBe(ky("case-assigned-to-you", { code }));
    expect(buttonsOf(other.last).map(buttonText)).toEqual([ky("staff-alert-open")]);
    expect((await store.get(code))?.assignee).toBe(other.id);
    expect((await store.list({ assignee: other.id }, 0, 10)).cases.map((item) => item.code)).toEqual([code]);
    expect((await store.list({ assignee: caseworker.id }, 0, 10)).total).toBe(0);
    // A forged button giving the case to a citizen changes nothing.
    const citizen = newUserId();
    await caseworker.pressData(caseworker.last, `ca:${code}:${citizen}`);
    expect((await store.get(code))?.assignee).toBe(other.id);
    const history = (await store.history(code)).filter((event) => event.action === "assigned").map((event) => event.detail);
    expect(history).toEqual([String(caseworker.id), String(other.id)]);
    await other.send("/cases");
    await other.click(ky("case-filter-mine-off"));
    expect(other.last.text).toContain(code);
  });

  it("takes an internal note as a reply to its prompt, keeps it encrypted in the history, and never shows it to the reporter", async () => {
    const { bot, code, caseworker, l } = await reportAndOpen();
    await caseworker.click(l("case-note"));
    const prompt = caseworker.last;
    expect(prompt.text).toBe(`📝 ${l("case-note-ask", { code })}`);
    const note = "Звонили в ИВС <Октябрьский>: подтвердили задержание.";
    // As Telegram sends a reply: the message replied to comes with it.
    const replyTo = (message_id: number, text: string) =>
      ({ message_id, date: 0, chat: { id: caseworker.id, type: "private", first_name: "U" }, from: bot.bot.botInfo, text }) as unknown as Message["reply_to_message"];
    await caseworker.sendMessage({ text: note, reply_to_message: replyTo(prompt.message_id, prompt.text) });
    expect(caseworker.last.text).toBe(l("case-note-saved", { code }));
    expect(JSON.stringify(await redis.lrange(KEYS.case + code + ":events", 0, -1))).not.toContain("Октябрьский");
    expect((await store.history(code)).find((event) => event.action === "note")).toMatchObject({ actor: `staff:${caseworker.id}`, note: note });
    await caseworker.click(l("case-history"));
    expect(caseworker.last.text).toContain(`${l("case-event-note")}\nЗвонили в ИВС &lt;Октябрьский&gt;: подтвердили задержание.`);
    // A reply to any other message of the bot is not a note.
    await caseworker.sendMessage({ text: "просто текст", reply_to_message: replyTo(1, "Дело") });
    expect((await store.history(code)).filter((event) => event.action === "note")).toHaveLength(1);
  });
});
