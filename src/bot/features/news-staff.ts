import { InlineKeyboard } from "grammy";
import { LOCALES } from "../../config.js";
import { escapeHtml } from "../../html.js";
import { localesOf, type Broadcast, type MoveResult } from "../../news/broadcasts.js";
import { broadcastData, broadcastList, broadcastPanel, statusView, type BroadcastAction } from "../broadcast-view.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { NEWS_EDIT } from "../conversations/news-edit.js";
import { PUBLISH } from "../conversations/publish.js";
import { isEditor, onlyFor } from "../filters.js";
import { CALLBACK } from "../keyboards.js";
import { localTime } from "../report-view.js";
import { currentLocale, sendScreen, showScreen, type Screen } from "../screens.js";

const composer = new Composer<BotContext>();
// Editors' and admins' private chats; the role is read again on every update, callbacks included.
const feature = composer.chatType("private");
const editors = onlyFor(isEditor);

const LIST_SIZE = 10;

// One form at a time: an open one (a report draft, another news item) is finished or cancelled first, not lost.
async function enterForm(ctx: BotContext, form: string, ...args: number[]) {
  if (Object.values(ctx.conversation.active()).some((count) => count > 0)) return ctx.reply(ctx.t("publish-form-open"));
  await ctx.conversation.enter(form, ...args);
}

feature.command("publish", editors((ctx) => enterForm(ctx, PUBLISH)));

// ——— Broadcasts ———

async function panel(ctx: BotContext, broadcast: Broadcast): Promise<Screen> {
  const recipients = await ctx.subscribers.count(broadcast.audience, localesOf(broadcast));
  // Sent «now» means as soon as it is approved, while it waits.
  const atOnce = broadcast.state === "awaiting" && broadcast.sendAt <= broadcast.createdAt;
  return broadcastPanel(ctx.t, broadcast, ctx.from!.id, recipients, atOnce ? ctx.t("broadcast-time-on-approval") : ctx.t("broadcast-time", { time: localTime(broadcast.sendAt) }));
}

feature.command("broadcasts", editors(async (ctx) => sendScreen(ctx, broadcastList(ctx.t, await ctx.broadcasts.recent(LIST_SIZE)))));

feature.callbackQuery(CALLBACK.broadcasts, editors(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, broadcastList(ctx.t, await ctx.broadcasts.recent(LIST_SIZE)));
}));

// The author hears of the second editor's decision in their own language.
async function tellAuthor(ctx: BotContext, broadcast: Broadcast, key: string) {
  const locale = (await ctx.roleStore.localeOf(broadcast.author)) ?? ctx.config.defaultLocale;
  const text = ctx.translateFor(locale, key, { id: broadcast.id, time: localTime(broadcast.sendAt) });
  await ctx.api.sendMessage(broadcast.author, text, { parse_mode: "HTML" }).catch((err: unknown) => {
    ctx.logger.warn({ err, broadcast: broadcast.id }, "could not tell a broadcast's author of the decision");
  });
}

async function act(ctx: BotContext, action: BroadcastAction, broadcast: Broadcast): Promise<MoveResult | "own" | "confirm"> {
  const { id } = broadcast;
  if (action === "approve") {
    if (broadcast.author === ctx.from!.id) return "own";
    return ctx.broadcasts.approve(id, ctx.from!.id, Math.max(broadcast.sendAt, Date.now()));
  }
  if (action === "reject") return broadcast.author === ctx.from!.id ? "own" : ctx.broadcasts.reject(id, ctx.from!.id);
  if (action === "pause") return ctx.broadcasts.pause(id);
  if (action === "resume") return ctx.broadcasts.resume(id);
  // Cancelling cannot be undone: asked once more.
  if (action === "cancel") return "confirm";
  if (action === "cancel-yes") return ctx.broadcasts.cancel(id);
  return "ok";
}

feature.callbackQuery(CALLBACK.broadcast, editors(async (ctx) => {
  const action = ctx.match[1] as BroadcastAction;
  const before = await ctx.broadcasts.get(Number(ctx.match[2]));
  if (!before) return ctx.answerCallbackQuery({ text: ctx.t("broadcast-missing"), show_alert: true });
  const result = await act(ctx, action, before);
  ctx.logger.info({ broadcast: before.id, staff: ctx.from.id, action, result }, "broadcast action");
  if (result === "own") return ctx.answerCallbackQuery({ text: ctx.t("broadcast-not-own"), show_alert: true });
  if (result === "confirm") {
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard().text(ctx.t("broadcast-cancel-yes"), broadcastData("cancel-yes", before.id)).text(ctx.t("broadcast-cancel-no"), broadcastData("view", before.id));
    return showScreen(ctx, { text: ctx.t("broadcast-cancel-ask", { id: before.id }), keyboard });
  }
  if (result !== "ok") return ctx.answerCallbackQuery({ text: ctx.t("broadcast-too-late", { state: ctx.t(`broadcast-state-${result}`) }), show_alert: true });
  await ctx.answerCallbackQuery(action === "view" ? undefined : { text: ctx.t(`broadcast-done-${action === "cancel-yes" ? "cancel" : action}`) });
  const after = (await ctx.broadcasts.get(before.id))!;
  if (action === "approve") await tellAuthor(ctx, after, after.sendAt <= Date.now() + 5000 ? "broadcast-approved-now" : "broadcast-approved");
  if (action === "reject") await tellAuthor(ctx, after, "broadcast-rejected");
  if (action === "cancel-yes" && after.author !== ctx.from.id) await tellAuthor(ctx, after, "broadcast-cancelled-by-other");
  // Pressed on the status message, it stays the status message; anywhere else, the panel.
  const onStatus = ctx.callbackQuery.message?.message_id === after.status?.messageId && ctx.chat.id === after.status?.chatId;
  await showScreen(ctx, onStatus ? statusView(ctx.t, after) : await panel(ctx, after));
}));

// ——— Published news ———

async function newsList(ctx: BotContext, items: Awaited<ReturnType<BotContext["news"]["page"]>>["items"]): Promise<Screen> {
  const reader = await currentLocale(ctx);
  const keyboard = new InlineKeyboard();
  for (const item of items) {
    const whole = item.text[reader] ?? item.text[LOCALES.find((locale) => item.text[locale])!] ?? "";
    const first = whole.length > 40 ? `${whole.slice(0, 39)}…` : whole;
    keyboard.text(`№${item.id} · ${localTime(item.at).slice(0, 10)} · ${first}`, `nw:view:${item.id}`).row();
  }
  return { text: ctx.t(items.length ? "news-staff-heading" : "news-staff-empty"), keyboard };
}

feature.command("published", editors(async (ctx) => sendScreen(ctx, await newsList(ctx, (await ctx.news.page(0, LIST_SIZE)).items))));

feature.callbackQuery(CALLBACK.newsList, editors(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await newsList(ctx, (await ctx.news.page(0, LIST_SIZE)).items));
}));

feature.callbackQuery(CALLBACK.newsItem, editors(async (ctx) => {
  const [action, id] = [ctx.match[1], Number(ctx.match[2])];
  const item = await ctx.news.get(id);
  if (!item) return ctx.answerCallbackQuery({ text: ctx.t("news-staff-missing", { id }), show_alert: true });
  if (action === "edit") {
    await ctx.answerCallbackQuery();
    return enterForm(ctx, NEWS_EDIT, id);
  }
  // Taking an item out of the feed is asked once more: a slip of the thumb should not do it.
  if (action === "unpublish") {
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard().text(ctx.t("news-staff-unpublish-yes"), `nw:unpublish-yes:${id}`).text(ctx.t("news-staff-unpublish-no"), `nw:view:${id}`);
    return showScreen(ctx, { text: ctx.t("news-staff-unpublish-ask", { id }), keyboard });
  }
  if (action === "unpublish-yes") {
    const done = await ctx.news.unpublish(id);
    ctx.logger.info({ news: id, staff: ctx.from.id, done }, "news item unpublished");
    await ctx.answerCallbackQuery({ text: ctx.t(done ? "news-staff-unpublished" : "news-staff-not-published") });
  } else {
    await ctx.answerCallbackQuery();
  }
  const published = await ctx.news.isPublished(id);
  const lines = [ctx.t("news-staff-item", { id, date: localTime(item.at), state: ctx.t(published ? "news-staff-published" : "news-staff-withdrawn") })];
  for (const locale of LOCALES) if (item.text[locale]) lines.push("", `<b>${ctx.t(`publish-language-${locale}`)}:</b>`, escapeHtml(item.text[locale]!.slice(0, 600)));
  if (item.photo) lines.push("", ctx.t("news-staff-has-photo"));
  if (item.link) lines.push(escapeHtml(item.link));
  const keyboard = new InlineKeyboard().text(ctx.t("news-staff-edit"), `nw:edit:${id}`);
  if (published) keyboard.text(ctx.t("news-staff-unpublish"), `nw:unpublish:${id}`);
  keyboard.row().text(ctx.t("news-staff-back"), CALLBACK.newsList);
  await showScreen(ctx, { text: lines.join("\n"), keyboard });
}));

export { composer as newsStaffFeature };
