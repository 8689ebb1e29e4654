import { InlineKeyboard } from "grammy";
import type { Locale } from "../config.js";
import { escapeHtml } from "../html.js";
import type { Broadcast, BroadcastContent } from "../news/broadcasts.js";
import { CALLBACK } from "./keyboards.js";
import type { Screen } from "./screens.js";

type T = (key: string, variables?: Record<string, string | number>) => string;

export type BroadcastAction = "pause" | "resume" | "cancel" | "approve" | "reject" | "view";
export const broadcastData = (action: BroadcastAction, id: number) => `bc:${action}:${id}`;

/** What a subscriber is sent: the text of their language, the link as a button, and a one-tap unsubscribe. */
export function deliveryMessage(t: T, content: Pick<BroadcastContent, "text" | "link">, locale: Locale): Screen | undefined {
  const text = content.text[locale];
  if (!text) return undefined;
  const keyboard = new InlineKeyboard();
  if (content.link) keyboard.url(t("news-link"), content.link).row();
  keyboard.text(t("broadcast-unsubscribe"), CALLBACK.stopNews);
  return { text: escapeHtml(text), keyboard };
}

const remaining = (broadcast: Broadcast) => Math.max(0, broadcast.total - broadcast.sent - broadcast.failed - broadcast.blocked);

/** The author's one status message: counts so far, and the buttons that fit the state. */
export function statusView(t: T, broadcast: Broadcast): Screen {
  const keyboard = new InlineKeyboard();
  if (broadcast.state === "sending") keyboard.text(t("broadcast-pause"), broadcastData("pause", broadcast.id));
  if (broadcast.state === "paused") keyboard.text(t("broadcast-resume"), broadcastData("resume", broadcast.id));
  if (["awaiting", "scheduled", "sending", "paused"].includes(broadcast.state)) keyboard.text(t("broadcast-cancel"), broadcastData("cancel", broadcast.id));
  const text = t("broadcast-status", {
    id: broadcast.id,
    state: t(`broadcast-state-${broadcast.state}`),
    sent: broadcast.sent,
    failed: broadcast.failed,
    blocked: broadcast.blocked,
    remaining: broadcast.state === "done" ? 0 : remaining(broadcast),
    total: broadcast.total,
  });
  return { text, keyboard };
}

/** The author's report once sending ended: what was sent, and to how many it could not be. */
export function reportText(t: T, broadcast: Broadcast): string {
  return t(broadcast.state === "done" ? "broadcast-report-done" : "broadcast-report-cancelled", {
    id: broadcast.id,
    sent: broadcast.sent,
    failed: broadcast.failed,
    blocked: broadcast.blocked,
    unsent: remaining(broadcast),
  });
}
