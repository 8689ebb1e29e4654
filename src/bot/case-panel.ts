import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { CaseLine } from "../complaints/store.js";
import type { CaseEvent } from "../complaints/events.js";
import { CLOSE_REASONS, NEXT, REFERRAL_BODIES, type Status } from "../complaints/statuses.js";
import { localDate, localTime } from "./report-view.js";
import { escapeHtml } from "../html.js";
import { splitMessage, type Block } from "./split.js";

const CODE = "[A-Z0-9-]+";

/** Callback data of a caseworker's case panel: short, and checked against the role on every press. */
export const PANEL = {
  move: new RegExp(`^cs:(${CODE}):(in-review|needs-information|referred|closed)(?::([a-z-]+))?$`),
  history: new RegExp(`^ch:(${CODE})$`),
  note: new RegExp(`^cn:(${CODE})$`),
  /** Back from a second step to the panel. */
  panel: new RegExp(`^cp:(${CODE})$`),
  /** `ca:<code>:<caseworker id>` assigns; `ca:<code>:?` lists who it can go to. */
  assign: new RegExp(`^ca:(${CODE}):(\\d+|\\?)$`),
  reply: new RegExp(`^cr:(${CODE})$`),
  consent: new RegExp(`^cc:(${CODE})$`),
  evidence: new RegExp(`^ce:(${CODE})$`),
  /** Admins only: keep a closed case's personal data longer. */
  extend: new RegExp(`^ck:(${CODE})$`),
  moveData: (code: string, to: Status, detail?: string) => `cs:${code}:${to}${detail ? `:${detail}` : ""}`,
  historyData: (code: string) => `ch:${code}`,
  noteData: (code: string) => `cn:${code}`,
  panelData: (code: string) => `cp:${code}`,
  assignData: (code: string, to: number | "?") => `ca:${code}:${to}`,
  replyData: (code: string) => `cr:${code}`,
  consentData: (code: string) => `cc:${code}`,
  evidenceData: (code: string) => `ce:${code}`,
  extendData: (code: string) => `ck:${code}`,
} as const;

/** Staff members' names as the bot learned them (see /staff), by Telegram id. */
export type StaffNames = ReadonlyMap<number, string>;

/** A staff member by name (escaped for HTML unless for a button), or by Telegram id when the bot has none. */
export function staffName(t: TranslateFunction, id: number, names: StaffNames, html = true): string {
  const name = names.get(id);
  if (name === undefined) return t("case-actor-staff", { id: String(id) });
  return html ? escapeHtml(name) : name;
}


/**
 * Where the case stands and who has it, and what the viewing caseworker can do from there: the moves (a
 * referral or a closing asks for its detail next), taking it or giving it to someone, its history.
 */
export function casePanel(t: TranslateFunction, item: Pick<CaseLine, "code" | "status" | "assignee" | "shareConsent" | "retainUntil" | "purgedAt">, viewer: number, names: StaffNames) {
  const { code, status, assignee } = item;
  const keyboard = new InlineKeyboard();
  for (const to of NEXT[status]) keyboard.text(t(`case-move-${to}`), PANEL.moveData(code, to)).row();
  const open = status !== "withdrawn" && item.purgedAt === undefined;
  if (open && status !== "closed") {
    if (assignee !== viewer) keyboard.text(t("case-take"), PANEL.assignData(code, viewer));
    keyboard.text(t("case-give"), PANEL.assignData(code, "?")).row();
  }
  if (open) {
    keyboard.text(t("case-reply"), PANEL.replyData(code)).text(t("case-ask-consent"), PANEL.consentData(code)).row();
    keyboard.text(t("case-evidence"), PANEL.evidenceData(code)).row();
  }
  if (item.retainUntil !== undefined) keyboard.text(t("case-extend"), PANEL.extendData(code)).row();
  if (open) keyboard.text(t("case-note"), PANEL.noteData(code));
  keyboard.text(t("case-history"), PANEL.historyData(code));
  const who = assignee === undefined ? t("case-unassigned") : staffName(t, assignee, names);
  const lines = [
    t("case-panel", { code, status: t(`case-status-${status}`), assignee: who }),
    t("case-share-consent", { state: item.shareConsent ?? "none" }),
    ...(item.retainUntil === undefined ? [] : [t("case-retain-until", { date: localDate(item.retainUntil) })]),
    ...(item.purgedAt === undefined ? [] : [t("case-purged", { date: localDate(item.purgedAt) })]),
  ];
  return { text: lines.join("\n"), keyboard };
}

/** Who the case can be given to. */
export function assigneeChoice(t: TranslateFunction, code: string, caseworkers: number[], names: StaffNames) {
  const keyboard = new InlineKeyboard();
  for (const id of caseworkers) keyboard.text(staffName(t, id, names, false), PANEL.assignData(code, id)).row();
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

/** Who did it: the reporter, a staff member, or the bot itself (deletion after retention). */
function actorName(t: TranslateFunction, actor: string, names: StaffNames): string {
  if (actor === "reporter") return t("case-actor-reporter");
  const id = /^staff:(\d+)$/.exec(actor)?.[1];
  return id === undefined ? t("case-actor-system") : staffName(t, Number(id), names);
}

/** The Telegram ids of the staff who acted on a case, to look their names up. */
export const actorIds = (events: CaseEvent[]) =>
  events.flatMap((event) => [event.actor, event.action === "assigned" ? `staff:${event.detail}` : ""]).flatMap((actor) => {
    const id = /^staff:(\d+)$/.exec(actor)?.[1];
    return id === undefined ? [] : [Number(id)];
  });

function describe(t: TranslateFunction, event: CaseEvent, names: StaffNames): Block[] {
  const who = actorName(t, event.actor, names);
  const what = event.status
    ? `${t(`case-status-${event.status}`)}${event.detail ? ` (${t(`case-${event.status}-${event.detail}`)})` : ""}`
    : event.action === "assigned"
      ? t("case-event-assigned", { assignee: staffName(t, Number(event.detail), names) })
      : t(`case-event-${event.action}`, { detail: event.detail ?? "" });
  const line = `${localTime(event.at)} — ${who}: ${what}`;
  // A note or a reply is staff's own text: escaped, and cut across messages if long, like a person's.
  if (event.deleted) return [line, t("case-event-text-deleted")];
  return event.note === undefined ? [line] : [line, { typed: event.note }];
}

/** Everything that happened to the case, oldest first, with who did it and when (Bishkek time). */
export function historyMessages(t: TranslateFunction, code: string, events: CaseEvent[], names: StaffNames): string[] {
  // The same person opening the case again and again is one line with a count, at the time of the first.
  const runs: Array<{ event: CaseEvent; times: number }> = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last && event.action === "opened" && last.event.action === "opened" && last.event.actor === event.actor) last.times++;
    else runs.push({ event, times: 1 });
  }
  const lines = runs.flatMap(({ event, times }) => {
    const [line, ...rest] = describe(t, event, names);
    return times > 1 ? [`${line as string} ${t("case-event-times", { times })}`, ...rest] : [line!, ...rest];
  });
  // The reporter's own times are kept only to the hour (see hourOf), so theirs can look out of order.
  return splitMessage([`<b>${t("case-history-title", { code })}</b>`, `<i>${t("case-history-hours")}</i>`, ...lines]);
}

