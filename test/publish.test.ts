import { describe, expect, it } from "vitest";
import { createCipher } from "../src/crypto.js";
import { createBroadcasts } from "../src/news/broadcasts.js";
import { createNewsStore } from "../src/news/items.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { createRoleStore } from "../src/roles.js";
import { localTime } from "../src/bot/report-view.js";
import { buttonsOf, buttonText } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { labels, photo } from "./report-helpers.js";

const redis = useRedis();
const news = createNewsStore(redis);
const broadcasts = createBroadcasts(redis);
const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));
const roles = createRoleStore(redis, []);

async function editor(bot: ReturnType<typeof createTestBot>, language_code = "ru") {
  const id = newUserId();
  await roles.grant(id, "editor", "staff:1");
  const person = bot.user({ id, language_code });
  // A staff command is where the bot learns a staff member's language, for what it tells them later.
  await person.send("/whoami");
  return person;
}

describe("/publish", () => {
  it("takes the texts, a photo and a link, previews each language as its readers see it, and publishes; wrong answers are told and forgotten", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const [ru, ky] = [labels(bot, "ru"), labels(bot, "ky")];
    const staff = await editor(bot);
    await staff.send("/publish");
    expect(staff.last.text).toContain(ru("publish-in-ky"));
    await staff.send("ж".repeat(3901));
    expect(staff.last.text).toBe(ru("publish-hint-too-long", { max: 3900, length: 3901 }));
    await staff.send("Жаңы кеңсе <ачылды>");
    expect(staff.last.text).toContain(ru("publish-in-ru"));
    await staff.send("Открылся новый офис");
    await staff.sendMessage(photo("office"));
    await staff.send("не ссылка");
    expect(staff.last.text).toBe(ru("publish-hint-link"));
    await staff.send("https://example.org/office");
    // Each language's preview, in that language, with the readers' buttons.
    const kyPreview = staff.messages.find((message) => message.photo && message.text.includes("Жаңы кеңсе"))!;
    expect(kyPreview.text).toContain(ky("news-heading", { date: localTime(Date.now()).slice(0, 10), position: 1, total: 1 }));
    expect(kyPreview.text).toContain("&lt;ачылды&gt;");
    expect(buttonsOf(kyPreview).map(buttonText)).toEqual([ky("news-link"), ky("news-subscription"), ky("rights-home")]);
    expect(staff.messages.some((message) => message.photo === "photo-office" && message.text.includes("Открылся новый офис"))).toBe(true);
    await staff.click(ru("publish-publish"));
    expect(staff.last.text).toBe(ru("publish-done", { id: 1 }));
    expect(await news.get(1)).toMatchObject({ text: { ky: "Жаңы кеңсе <ачылды>", ru: "Открылся новый офис" }, photo: "photo-office", link: "https://example.org/office" });
    expect((await news.page(0, 5, "ky")).total).toBe(1);
  });

  it("refuses a photo when a text is too long for a caption, needs one language at least, and /cancel drops it all", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    const staff = await editor(bot);
    await staff.send("/publish");
    await staff.click(ru("publish-skip"));
    await staff.click(ru("publish-skip"));
    expect(staff.last.text).toBe(ru("publish-hint-one-text"));
    await staff.send("д".repeat(1200));
    await staff.sendMessage(photo("big"));
    expect(staff.last.text).toBe(ru("publish-hint-caption", { max: 950, length: 1200 }));
    await staff.click(ru("publish-no-photo"));
    await staff.click(ru("publish-no-link"));
    expect(staff.last.text).toContain(ru("publish-preview-missing", { in: ru("publish-in-ky") }));
    await staff.send("/cancel");
    expect(staff.last.text).toBe(ru("publish-cancelled"));
    expect((await news.page(0, 5)).total).toBe(0);
  });

  it("publish and broadcast: the segment's count, approval by a second editor (never the author), then every subscriber of it gets it", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    const readers = [newUserId(), newUserId(), newUserId()];
    await subscribers.subscribe(readers[0]!, readers[0]!, { locale: "ru", region: "osh" });
    await subscribers.subscribe(readers[1]!, readers[1]!, { locale: "ky", region: "osh" });
    await subscribers.subscribe(readers[2]!, readers[2]!, { locale: "ru", region: "naryn" });
    const author = await editor(bot);
    const second = await editor(bot);
    await author.send("/publish");
    await author.click(ru("publish-skip"));
    await author.send("Приём в Оше в субботу");
    await author.click(ru("publish-no-photo"));
    await author.click(ru("publish-no-link"));
    await author.click(ru("publish-and-broadcast"));
    await author.click(ru("publish-audience-all-languages"));
    await author.click(bot.i18n.t("ru", "report-region-osh"));
    expect(author.last.text).toContain(ru("publish-audience-count", { count: 1 }));
    expect(author.last.text).toContain(ru("publish-audience-no-text", { count: 1, in: ru("publish-in-ky") }));
    await author.click(ru("publish-now"));
    expect(author.last.text).toContain(ru("publish-approval-needed"));
    await author.click(ru("publish-send"));
    expect(author.last.text).toBe(ru("publish-broadcast-awaiting", { id: 1, news: 1 }));
    expect(await broadcasts.get(1)).toMatchObject({ state: "awaiting", audience: { region: "osh" } });

    await bot.deliverAlerts();
    // The second editor is asked; the author is not.
    expect(second.last.text).toBe(ru("broadcast-approval-asked", { id: 1 }));
    expect(author.messages.some((message) => message.text === ru("broadcast-approval-asked", { id: 1 }))).toBe(false);
    // Forged by the author, the approval is refused.
    await author.pressData(author.last, "bc:approve:1");
    expect(author.calls.at(-1)).toMatchObject({ method: "answerCallbackQuery", payload: { text: ru("broadcast-not-own") } });
    expect((await broadcasts.get(1))?.state).toBe("awaiting");

    await second.click(ru("broadcast-open"));
    expect(second.last.text).toContain("Приём в Оше в субботу");
    await second.click(ru("broadcast-approve"));
    expect(author.last.text).toContain(ru("broadcast-approved", { id: 1, time: localTime((await broadcasts.get(1))!.sendAt) }).split(".")[0]!);
    await bot.deliverAlerts();
    expect(await broadcasts.get(1)).toMatchObject({ state: "done", sent: 1, total: 1, approvedBy: second.id });
    expect(bot.telegram.chat(readers[0]!).map((message) => message.text)).toEqual([`${ru("broadcast-heading")}\n\nПриём в Оше в субботу`]);
    expect(bot.telegram.chat(readers[1]!)).toEqual([]);
    expect(bot.telegram.chat(readers[2]!)).toEqual([]);
    expect(author.last.text).toContain("Рассылка №1 завершена");
  });

  it("schedules a broadcast for a Bishkek time: it waits in the queue until then", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis, { env: { BROADCAST_APPROVAL: "false" } });
    const ru = labels(bot, "ru");
    await subscribers.subscribe(newUserId(), 1, { locale: "ru" });
    const staff = await editor(bot);
    await staff.send("/publish");
    await staff.send("Кабар");
    await staff.send("Новость");
    await staff.click(ru("publish-no-photo"));
    await staff.click(ru("publish-no-link"));
    await staff.click(ru("publish-and-broadcast"));
    await staff.click(ru("publish-audience-all-languages"));
    await staff.click(ru("publish-audience-all-regions"));
    await staff.click(ru("publish-later"));
    await staff.send("31.02.2027 10:00");
    expect(staff.last.text).toBe(ru("publish-hint-time", { example: localTime(Date.now() + 86_400_000) }));
    await staff.send("01.01.2020 10:00");
    expect(staff.last.text).toBe(ru("publish-hint-time-range"));
    await staff.send(localTime(Date.now() + 91 * 86_400_000));
    expect(staff.last.text).toBe(ru("publish-hint-time-far", { days: 90 }));
    const at = Math.ceil((Date.now() + 3 * 86_400_000) / 60_000) * 60_000;
    await staff.send(localTime(at));
    expect(staff.last.text).toContain(ru("publish-at", { time: localTime(at) }));
    await staff.click(ru("publish-send"));
    expect(staff.last.text).toBe(ru("publish-broadcast-scheduled", { id: 1, news: 1, time: localTime(at) }));
    expect(await broadcasts.get(1)).toMatchObject({ state: "scheduled", sendAt: at });
    const background = bot.background();
    await background.relay();
    const [job] = await background.broadcasts.getDelayed();
    expect(job?.name).toBe("start");
    expect(job!.timestamp + job!.delay).toBeGreaterThanOrEqual(at - 1000);
    expect(job!.timestamp + job!.delay).toBeLessThanOrEqual(at + 1000);
  });

  it("someone without the editor role reaches none of it, forged callbacks included; a role taken away mid-way stops the form", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    await news.publish({ at: 1, text: { ru: "Новость" } });
    await broadcasts.create({ text: { ru: "Рассылка" }, audience: {} }, 42, { approval: true });
    const citizen = bot.user({ id: newUserId(), language_code: "ru" });
    await citizen.send("/start");
    for (const command of ["/publish", "/published", "/broadcasts"]) {
      await citizen.send(command);
      expect(citizen.last.text).not.toContain(ru("publish-ask-text", { in: ru("publish-in-ky"), max: 3900 }).slice(0, 20));
    }
    for (const data of ["bc:approve:1", "bc:cancel:1", "bc:view:1", "nw:unpublish:1", "nw:edit:1", "nw:view:1", "bc:list", "nw:list"]) {
      await citizen.pressData({ message_id: 1, text: "" }, data);
    }
    expect((await broadcasts.get(1))?.state).toBe("awaiting");
    expect(await news.isPublished(1)).toBe(true);
    expect(citizen.messages.some((message) => message.text.includes("Рассылка") || message.text.includes(ru("news-staff-heading")))).toBe(false);

    const staff = await editor(bot);
    await staff.send("/publish");
    await roles.revoke(staff.id, "editor", "staff:1");
    await staff.send("Кабар");
    expect(staff.last.text).toBe(ru("publish-not-allowed"));
    await staff.send("Новость");
    expect((await news.page(0, 5)).total).toBe(1);
  });

  it("an editor edits a published item's text and unpublishes it from /published", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    await news.publish({ at: 1, text: { ky: "Эски", ru: "Старое" } });
    const staff = await editor(bot);
    await staff.send("/published");
    await staff.click(buttonsOf(staff.last).map(buttonText)[0]!);
    await staff.click(ru("news-staff-edit"));
    await staff.click(ru("publish-language-ru"));
    await staff.send("Исправленное");
    expect(staff.last.text).toBe(ru("news-edit-done", { id: 1 }));
    expect((await news.get(1))?.text).toEqual({ ky: "Эски", ru: "Исправленное" });
    await staff.send("/published");
    await staff.click(buttonsOf(staff.last).map(buttonText)[0]!);
    await staff.click(ru("news-staff-unpublish"));
    // Asked once more first.
    expect(await news.isPublished(1)).toBe(true);
    expect(staff.last.text).toBe(ru("news-staff-unpublish-ask", { id: 1 }));
    await staff.click(ru("news-staff-unpublish-yes"));
    expect(await news.isPublished(1)).toBe(false);
    expect(staff.last.text).toContain(ru("news-staff-withdrawn"));
  });

  it("offers no broadcast that could never go: nobody to receive it, nobody but the author to approve it, or an audience without readers; and one form at a time", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    await subscribers.subscribe(newUserId(), 1, { locale: "ky" });
    const staff = await editor(bot);
    const upToChoice = async () => {
      await staff.send("/publish");
      await staff.click(ru("publish-skip"));
      await staff.send("Только по-русски");
      await staff.click(ru("publish-no-photo"));
      await staff.click(ru("publish-no-link"));
    };
    // The one subscriber reads Kyrgyz, and there is no Kyrgyz text: said at once, and only publishing is offered.
    await upToChoice();
    expect(staff.last.text).toContain(ru("publish-nobody"));
    expect(buttonsOf(staff.last).map(buttonText)).toEqual([ru("publish-publish"), ru("report-cancel")]);
    await staff.pressData(staff.last, "r:broadcast");
    expect(staff.last.text).toBe(ru("publish-hint-button"));
    await staff.click(ru("publish-publish"));
    expect(staff.last.text).toBe(ru("publish-done", { id: 1 }));
    expect(await broadcasts.recent(5)).toEqual([]);

    // A Russian reader now, but no other editor to approve.
    await subscribers.subscribe(newUserId(), 2, { locale: "ru", region: "osh" });
    await upToChoice();
    expect(staff.last.text).toContain(ru("publish-no-approver"));
    expect(buttonsOf(staff.last).map(buttonText)).toEqual([ru("publish-publish"), ru("report-cancel")]);

    // The form is still open: /publish says so, and the open form is not lost.
    await staff.send("/publish");
    expect(staff.last.text).toBe(ru("publish-form-open"));
    await staff.click(ru("publish-publish"));
    expect(staff.last.text).toBe(ru("publish-done", { id: 2 }));

    // With a second editor, an audience whose subscribers cannot read the text is told so at the count.
    await editor(bot);
    await upToChoice();
    await staff.click(ru("publish-and-broadcast"));
    await staff.click(ru("publish-audience-all-languages"));
    await staff.click(bot.i18n.t("ru", "report-region-naryn"));
    await staff.click(ru("publish-now"));
    expect(staff.last.text).toContain(ru("publish-nobody-here"));
    expect(buttonsOf(staff.last).map(buttonText)).toEqual([ru("publish-publish"), ru("report-cancel")]);
  });

  it("cancelling a broadcast is asked once more, and an author whose broadcast another editor cancelled is told", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    const author = await editor(bot);
    const other = await editor(bot);
    const { id } = await broadcasts.create({ text: { ru: "Рассылка" }, audience: {} }, author.id, { approval: true, sendAt: Date.now() + 86_400_000 });
    await other.send("/broadcasts");
    await other.click(ru("broadcast-list-item-waiting", { id, state: ru("broadcast-state-awaiting") }));
    await other.click(ru("broadcast-cancel"));
    expect(other.last.text).toBe(ru("broadcast-cancel-ask", { id }));
    await other.click(ru("broadcast-cancel-no"));
    expect((await broadcasts.get(id))?.state).toBe("awaiting");
    await other.click(ru("broadcast-cancel"));
    await other.click(ru("broadcast-cancel-yes"));
    expect((await broadcasts.get(id))?.state).toBe("cancelled");
    expect(author.last.text).toBe(ru("broadcast-cancelled-by-other", { id }));
  });
});
