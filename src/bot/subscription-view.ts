import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Subscription } from "../news/subscribers.js";
import { CALLBACK, homeButton } from "./keyboards.js";
import type { Screen } from "./screens.js";

/** Whether the person receives the organisation's news, in which language, and the button that changes it. */
export function subscriptionScreen(t: TranslateFunction, subscription: Subscription | undefined): Screen {
  const text = subscription ? t("subscription-on", { language: t(`subscription-language-${subscription.locale}`) }) : t("subscription-off");
  const toggle = subscription ? InlineKeyboard.text(t("subscription-stop"), CALLBACK.unsubscribe) : InlineKeyboard.text(t("subscription-start"), CALLBACK.subscribe);
  return { text, keyboard: new InlineKeyboard([[toggle], [homeButton(t)]]) };
}
