import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { currentLocale, sendScreen, showScreen } from "../screens.js";
import { subscriptionScreen } from "../subscription-view.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

const screen = async (ctx: BotContext) => subscriptionScreen(ctx.t, await ctx.subscribers.subscription(ctx.from!.id));
const subscribe = async (ctx: BotContext) => ctx.subscribers.subscribe(ctx.from!.id, ctx.chat!.id, { locale: await currentLocale(ctx) });
const unsubscribe = async (ctx: BotContext) => ctx.subscribers.unsubscribe(ctx.from!.id);

feature.command("subscribe", async (ctx) => {
  await subscribe(ctx);
  await sendScreen(ctx, await screen(ctx));
});

feature.command("unsubscribe", async (ctx) => {
  const was = await unsubscribe(ctx);
  await sendScreen(ctx, was ? await screen(ctx) : { ...(await screen(ctx)), text: ctx.t("subscription-none") });
});

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
  await unsubscribe(ctx);
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await screen(ctx));
});

export { composer as subscriptionFeature };
