import { afterEach, describe, expect, it, vi } from "vitest";
import { DRAFT_TTL_MS } from "../src/bot/conversations.js";
import { KEYS } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis, personKey } from "./harness.js";
import { fillReport, labels, photo, reportPerson, sendReport, startReport, storedCase } from "./report-helpers.js";

const redis = useRedis();

afterEach(() => {
  vi.useRealTimers();
});

describe("moving through the report form", () => {
  it("«Back» returns to the previous question, and «Back» on the first one to the consent", async () => {
    const { l, person } = reportPerson(redis, "ky");
    await startReport(person, l);
    await person.click(l("report-reporter-witness"));
    await person.click(l("report-place-colony"));
    expect(person.last.text).toBe(l("report-ask-region"));
    await person.click(l("rights-back"));
    expect(person.last.text).toBe(l("report-ask-place"));
    await person.click(l("rights-back"));
    expect(person.last.text).toBe(l("report-ask-reporter"));
    await person.click(l("rights-back"));
    expect(person.last.text).toMatch(/^<b>Баштоодон мурун<\/b>/);
  });

  it("«Edit» on the summary goes back to that part and then straight back to the summary", async () => {
    const { bot, l, person } = reportPerson(redis, "ru");
    await fillReport(person, l);
    await person.click(`✏️ ${l("report-part-place")}`);
    await person.click(l("report-place-pretrial"));
    await person.click(l("report-region-batken"));
    await person.send("СИЗО-1");
    expect(person.last.text).toContain(`<b>${l("report-part-place")}:</b> ${l("report-place-pretrial")}, ${l("report-region-batken")}, СИЗО-1`);
    await person.click(`✏️ ${l("report-part-what")}`);
    await person.send("И ещё: угрожали родным.");
    await person.click(l("report-continue"));
    expect(person.last.text).toContain("They beat my brother at the station for two hours.\n\nИ ещё: угрожали родным.");
    await person.click(`✏️ ${l("report-part-what")}`);
    await person.click(l("report-rewrite"));
    expect(person.last.text).toBe(l("report-rewrite-ok"));
    await person.send("Совсем другой текст о том, что было.");
    await person.click(l("report-continue"));
    expect(person.last.text).toContain(`<b>${l("report-part-what")}:</b>\nСовсем другой текст о том, что было.\n`);
    const { code } = await sendReport(person, l);
    expect(await storedCase(redis, bot, code)).toMatchObject({
      placeType: "pretrial", region: "batken", secret: { placeName: "СИЗО-1", narrative: "Совсем другой текст о том, что было." },
    });
  });

  it("keeps every photo of an album, answering once for the album", async () => {
    const { bot, l, person } = reportPerson(redis, "ru");
    await fillReport(person, l);
    await person.click(`✏️ ${l("report-part-evidence")}`);
    const before = person.messages.length;
    for (const id of ["a", "b", "c"]) await person.sendMessage({ ...photo(id, "album-1"), ...(id === "a" ? { caption: "синяки на спине" } : {}) });
    expect(person.messages.length - before).toBe(1);
    await person.click(l("report-done"));
    expect(person.last.text).toContain(l("report-attachments-count", { count: 3 }));
    const { code } = await sendReport(person, l);
    expect((await storedCase(redis, bot, code))?.secret?.attachments).toEqual([
      { kind: "photo", fileId: "photo-a", caption: "синяки на спине" },
      { kind: "photo", fileId: "photo-b" },
      { kind: "photo", fileId: "photo-c" },
    ]);
  });

  it("survives a restart: a new bot on the same Redis continues the draft where it stopped", async () => {
    const telegram = new FakeTelegram();
    const first = createTestBot(redis, { telegram });
    const l = labels(first, "ru");
    const id = newUserId();
    const person = first.user({ id, language_code: "ru" });
    await startReport(person, l);
    await person.click(l("report-reporter-victim"));
    expect(await redis.exists(KEYS.conversation + personKey(id))).toBe(1);

    const second = createTestBot(redis, { telegram });
    const again = second.user({ id, language_code: "ru" });
    await again.click(l("report-place-military"));
    expect(again.last.text).toBe(l("report-ask-region"));
  });

  it("lets commands and other buttons work mid-draft, and the draft waits", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await startReport(person, l);
    await person.send("/help");
    expect(person.last.text).toMatch(/^Вы можете использовать эти команды/);
    await person.send("/report");
    expect(person.last.text).toBe(l("report-in-progress"));
    await person.click(l("report-reporter-lawyer"));
    expect(person.last.text).toBe(l("report-ask-place"));
  });

  it("/cancel asks before dropping the draft; «No» keeps it, «Yes» deletes it", async () => {
    const { l, person } = reportPerson(redis, "ky");
    await startReport(person, l);
    await person.send("/cancel");
    expect(person.last.text).toBe(l("report-drop-confirm"));
    await person.click(l("report-keep"));
    expect(person.last.text).toBe(l("report-kept"));
    await person.click(l("report-reporter-victim"));
    expect(person.last.text).toBe(l("report-ask-place"));

    await person.click(l("report-cancel"));
    await person.click(l("report-drop"));
    expect(person.last.text).toBe(l("report-dropped"));
    expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(0);
    await person.send("/cancel");
    expect(person.last.text).toBe(l("report-nothing-to-cancel"));
  });

  it("drops a draft after 24 hours of silence and says so, kindly, once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { l, person } = reportPerson(redis, "ru");
    await startReport(person, l);
    expect(await redis.pttl(KEYS.conversation + personKey(person.id))).toBeLessThanOrEqual(DRAFT_TTL_MS);
    vi.setSystemTime(Date.now() + DRAFT_TTL_MS + 60_000);
    await person.click(l("report-reporter-victim"));
    expect(person.messages.map((message) => message.text)).toContain(l("report-expired"));
    expect(await redis.exists(KEYS.conversation + personKey(person.id))).toBe(0);
    await person.send("/start");
    expect(person.messages.filter((message) => message.text === l("report-expired"))).toHaveLength(1);
  });

  it("takes at most 3 reports a day from one account", async () => {
    const { l, person } = reportPerson(redis, "ru");
    for (let i = 0; i < 3; i++) {
      await fillReport(person, l);
      await sendReport(person, l);
    }
    await person.send("/report");
    expect(person.last.text).toBe(l("report-limit", { max: 3 }));
    expect(buttonsOf(person.last).map(buttonText)).toEqual([]);
  });
});
