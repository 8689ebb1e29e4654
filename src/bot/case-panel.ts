import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { CaseEvent, CaseLine } from "../complaints/store.js";
import { CLOSE_REASONS, NEXT, REFERRAL_BODIES, type Status } from "../complaints/statuses.js";
import { localTime } from "./report-view.js";
import { splitMessage, type Block } from "./split.js";

const CODE = "[A-Z0-9-]+";
const CODE_IN_TEXT = "[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}";

/** Callback data of a caseworker's case panel: short, and checked against the role on every press. */
export const PANEL = {
  move: new RegExp(`^cs:(${CODE}):(in-review|needs-information|referred|closed)(?::([a-z-]+))?$`),
  history: new RegExp(`^ch:(${CODE})$`),
  note: new RegExp(`^cn:(${CODE})$`),
  /** Back from a second step to the panel. */
  panel: new RegExp(`^cp:(${CODE})$`),
  /** `ca:<code>:<caseworker id>` assigns; `ca:<code>:?` lists who it can go to. */
  assign: new RegExp(`^ca:(${CODE}):(\\d+|\\?)$`),
  moveData: (code: string, to: Status, detail?: string) => `cs:${code}:${to}${detail ? `:${detail}` : ""}`,
  historyData: (code: string) => `ch:${code}`,
  noteData: (code: string) => `cn:${code}`,
  panelData: (code: string) => `cp:${code}`,
  assignData: (code: string, to: number | "?") => `ca:${code}:${to}`,
} as const;

/** Staff are named by their Telegram id: the bot keeps no names. */
export const staffName = (t: TranslateFunction, id: number) => t("case-actor-staff", { id: String(id) });


/**
 * Where the case stands and who has it, and what the viewing caseworker can do from there: the moves (a
 * referral or a closing asks for its detail next), taking it or giving it to someone, its history.
 */
export function casePanel(t: TranslateFunction, item: Pick<CaseLine, "code" | "status" | "assignee">, viewer: number) {
  const { code, status, assignee } = item;
  const keyboard = new InlineKeyboard();
  for (const to of NEXT[status]) keyboard.text(t(`case-move-${to}`), PANEL.moveData(code, to)).row();
  if (status !== "withdrawn" && status !== "closed") {
    if (assignee !== viewer) keyboard.text(t("case-take"), PANEL.assignData(code, viewer));
    keyboard.text(t("case-give"), PANEL.assignData(code, "?")).row();
  }
  keyboard.text(t("case-note"), PANEL.noteData(code)).text(t("case-history"), PANEL.historyData(code));
  const who = assignee === undefined ? t("case-unassigned") : staffName(t, assignee);
  return { text: t("case-panel", { code, status: t(`case-status-${status}`), assignee: who }), keyboard };
}

/** Who the case can be given to. */
export function assigneeChoice(t: TranslateFunction, code: string, caseworkers: number[]) {
  const keyboard = new InlineKeyboard();
  for (const id of caseworkers) keyboard.text(staffName(t, id), PANEL.assignData(code, id)).row();
  keyboard.text(t("rights-back"), PANEL.panelData(code));
  return { text: t("case-choose-assignee", { code }), keyboard };
}

/** The second step of a referral (which body) or a closing (which reason). */
export function detailChoice(t: TranslateFunction, code: string, to: "referred" | "closed") {
  const options = to === "referred" ? REFERRAL_BODIES : CLOSE_REASONS;
  const keyboard = new InlineKeyboard();
  for (const option of options) keyboard.text(t(`case-${to}-${option}`), PANEL.moveData(code, to, option)).row();
  keyboard.text(t("rights-back"), PANEL.panelData(code));
  return { text: t(`case-choose-${to}`, { code }), keyboard };
}

function describe(t: TranslateFunction, event: CaseEvent): Block[] {
  const who = event.actor === "reporter" ? t("case-actor-reporter") : t("case-actor-staff", { id: event.actor.replace(/^staff:/, "") });
  const what = event.status
    ? `${t(`case-status-${event.status}`)}${event.detail ? ` (${t(`case-${event.status}-${event.detail}`)})` : ""}`
    : event.action === "assigned"
      ? t("case-event-assigned", { assignee: staffName(t, Number(event.detail)) })
      : t(`case-event-${event.action}`);
  const line = `${localTime(event.at)} — ${who}: ${what}`;
  // A note is staff's own text: escaped, and cut across messages if long, like a person's.
  return event.note === undefined ? [line] : [line, { typed: event.note }];
}

/** Everything that happened to the case, oldest first, with who did it and when (Bishkek time). */
export const historyMessages = (t: TranslateFunction, code: string, events: CaseEvent[]) =>
  splitMessage([`<b>${t("case-history-title", { code })}</b>`, ...events.flatMap((event) => describe(t, event))]);

/** The prompt for a note: a note is the caseworker's reply to it, which is how it is tied to the case. */
export const NOTE_MARK = "📝";
export const noteCode = (prompt: string | undefined) => (prompt?.startsWith(NOTE_MARK) ? new RegExp(CODE_IN_TEXT).exec(prompt)?.[0] : undefined);
