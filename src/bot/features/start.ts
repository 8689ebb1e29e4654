import { Composer } from "../composer.js";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { REPORT } from "../conversations/report.js";
import { enterReport } from "../report-entry.js";
import { cardScreenFor } from "../rights-view.js";
import { sendScreen, sendStart, showScreen, startScreen } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

// t.me/<bot>?start=<topic-id> (posters, leaflets, QR codes) opens that card directly, and
// t.me/<bot>?start=report starts a report. With no known language the person was asked first
// (unknown-language.ts).
feature.command("start", async (ctx) => {
  const topic = topicById(ctx.match);
  if (topic) return sendScreen(ctx, await cardScreenFor(ctx, topic));
  if (ctx.match === REPORT) return enterReport(ctx);
  return sendStart(ctx);
});

feature.callbackQuery(CALLBACK.home, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, startScreen(ctx));
});

export { composer as startFeature };
