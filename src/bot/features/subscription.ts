import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { currentLocale, sendScreen, showScreen } from "../screens.js";
import { regionScreen, SUBSCRIPTION_REGIONS, subscriptionScreen } from "../subscription-view.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

const screen = async (ctx: BotContext) => subscriptionScreen(ctx.t, await ctx.subscribers.subscription(ctx.from!.id));
// Subscribing again (or from another chat) keeps the region the person gave. One person's updates are
// handled one at a time, so nothing of theirs changes the subscription between the read and the write.
async function subscribe(ctx: BotContext) {
  const current = await ctx.subscribers.subscription(ctx.from!.id);
  const locale = await currentLocale(ctx);
  ctx.session.newsLocale = locale;
  return ctx.subscribers.subscribe(ctx.from!.id, ctx.chat!.id, { ...current, locale });
}
async function unsubscribe(ctx: BotContext) {
  delete ctx.session.newsLocale;
  return ctx.subscribers.unsubscribe(ctx.from!.id);
}
const unsubscribed = async (ctx: BotContext) => subscriptionScreen(ctx.t, undefined, await unsubscribe(ctx));

/**
 * The subscription follows the language the bot speaks to the person, however it changed: chosen, guessed
 * from what they wrote, or their Telegram's. The session knows the subscription's language, so an update
 * costs nothing more until the two differ.
 */
export async function followNewsLanguage(ctx: BotContext, next: () => Promise<void>) {
  const subscribed = ctx.from && ctx.session.newsLocale;
  if (subscribed) {
    const now = await currentLocale(ctx);
    if (now !== subscribed) {
      if (await ctx.subscribers.followLanguage(ctx.from!.id, now)) ctx.session.newsLocale = now;
      else delete ctx.session.newsLocale;
    }
  }
  return next();
}

feature.command("subscribe", async (ctx) => {
  await subscribe(ctx);
  await sendScreen(ctx, await screen(ctx));
});

feature.command("unsubscribe", async (ctx) => sendScreen(ctx, await unsubscribed(ctx)));

feature.callbackQuery(CALLBACK.subscription, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await screen(ctx));
});

feature.callbackQuery(CALLBACK.subscribe, async (ctx) => {
  await subscribe(ctx);
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await screen(ctx));
});

feature.callbackQuery(CALLBACK.unsubscribe, async (ctx) => {
  const done = await unsubscribed(ctx);
  await ctx.answerCallbackQuery();
  await showScreen(ctx, done);
});

feature.callbackQuery(CALLBACK.subscriptionRegions, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, regionScreen(ctx.t));
});

// A region is kept only on a subscription: a press from someone who stopped meanwhile subscribes nobody.
feature.callbackQuery(CALLBACK.subscriptionRegion, async (ctx) => {
  await ctx.subscribers.setRegion(ctx.from.id, SUBSCRIPTION_REGIONS.find((region) => region === ctx.match[1]));
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await screen(ctx));
});

// The one tap under a broadcast message: the message stays as it was, the answer comes as a notice.
feature.callbackQuery(CALLBACK.stopNews, async (ctx) => {
  const stopped = await unsubscribe(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t(stopped ? "broadcast-unsubscribed" : "broadcast-not-subscribed"), show_alert: true });
});

export { composer as subscriptionFeature };
