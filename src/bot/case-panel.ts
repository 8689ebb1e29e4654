import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { bishkekIso } from "../complaints/bishkek-time.js";
import type { CaseEvent } from "../complaints/store.js";
import { CLOSE_REASONS, NEXT, REFERRAL_BODIES, type Status } from "../complaints/statuses.js";

const CODE = "[A-Z0-9-]+";

/** Callback data of a caseworker's case panel: short, and checked against the role on every press. */
export const PANEL = {
  move: new RegExp(`^cs:(${CODE}):(in-review|needs-information|referred|closed)(?::([a-z-]+))?$`),
  history: new RegExp(`^ch:(${CODE})$`),
  moveData: (code: string, to: Status, detail?: string) => `cs:${code}:${to}${detail ? `:${detail}` : ""}`,
  historyData: (code: string) => `ch:${code}`,
} as const;

const time = (ms: number) => bishkekIso(ms).slice(0, 16).replace("T", " ");

/** Where the case stands, and the moves a caseworker can make from there; a referral or a closing asks for its detail next. */
export function casePanel(t: TranslateFunction, code: string, status: Status) {
  const keyboard = new InlineKeyboard();
  for (const to of NEXT[status]) keyboard.text(t(`case-move-${to}`), PANEL.moveData(code, to)).row();
  keyboard.text(t("case-history"), PANEL.historyData(code));
  return { text: t("case-panel", { code, status: t(`case-status-${status}`) }), keyboard };
}

/** The second step of a referral (which body) or a closing (which reason). */
export function detailChoice(t: TranslateFunction, code: string, to: "referred" | "closed") {
  const options = to === "referred" ? REFERRAL_BODIES : CLOSE_REASONS;
  const keyboard = new InlineKeyboard();
  for (const option of options) keyboard.text(t(`case-${to}-${option}`), PANEL.moveData(code, to, option)).row();
  return { text: t(`case-choose-${to}`, { code }), keyboard };
}

function describe(t: TranslateFunction, event: CaseEvent): string {
  const who = event.actor === "reporter" ? t("case-actor-reporter") : t("case-actor-staff", { id: event.actor.replace(/^staff:/, "") });
  const what = event.status
    ? `${t(`case-status-${event.status}`)}${event.detail ? ` (${t(`case-${event.status}-${event.detail}`)})` : ""}`
    : t(`case-event-${event.action}`);
  return `${time(event.at)} — ${who}: ${what}`;
}

/** Everything that happened to the case, oldest first, with who did it and when (Bishkek time). */
export const historyText = (t: TranslateFunction, code: string, events: CaseEvent[]) =>
  [`<b>${t("case-history-title", { code })}</b>`, ...events.map((event) => describe(t, event))].join("\n");
