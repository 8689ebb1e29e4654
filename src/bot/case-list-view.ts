import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { PLACE_TYPES, REGIONS, type PlaceType, type Region } from "../complaints/model.js";
import { STATUSES } from "../complaints/statuses.js";
import type { CaseFilter, CaseLine, CasePage } from "../complaints/store.js";
import { CASE_DATA } from "./report-view.js";
import { isOverdue, type Cutoffs } from "../complaints/deadlines.js";
import { staffName, type StaffNames } from "./case-panel.js";

export const PAGE_SIZE = 10;
const NONE = "-";
const DAY_MS = 24 * 3600 * 1000;

/**
 * What a list screen shows: its filters, "assigned to me" (whoever presses it: the id is not in the button),
 * "overdue" (by the deadlines of the moment), and its position, as callback data
 * `cl:<status>:<urgent>:<mine>:<overdue>:<region>:<place>:<offset>`.
 */
export interface ListState {
  filter: Omit<CaseFilter, "assignee" | "overdue">;
  mine: boolean;
  overdue: boolean;
  offset: number;
}

export const LIST = {
  data: /^cl:([a-z-]+):([u-]):([m-]):([o-]):([a-z-]+):([a-z-]+):(\d+)$/,
  encode: ({ filter, mine, overdue, offset }: ListState) =>
    `cl:${filter.status ?? NONE}:${filter.urgent ? "u" : NONE}:${mine ? "m" : NONE}:${overdue ? "o" : NONE}:${filter.region ?? NONE}:${filter.placeType ?? NONE}:${offset}`,
  /** Undefined for data no list screen makes (an old or forged button). */
  decode([, status, urgent, mine, overdue, region, place, offset]: string[]): ListState | undefined {
    const pick = <T extends string>(values: readonly T[], value: string | undefined) => (value === NONE ? undefined : values.find((each) => each === value) ?? null);
    const filter = { status: pick(STATUSES, status), urgent: urgent === "u", region: pick(REGIONS, region), placeType: pick(PLACE_TYPES, place) };
    if (filter.status === null || filter.region === null || filter.placeType === null) return undefined;
    return { filter: filter as ListState["filter"], mine: mine === "m", overdue: overdue === "o", offset: Number(offset) };
  },
} as const;

/** The next value of a filter that cycles through its values, and back to "all". */
function nextOf<T extends string>(values: readonly T[], current: T | undefined): T | undefined {
  const index = current === undefined ? -1 : values.indexOf(current);
  return index + 1 < values.length ? values[index + 1] : undefined;
}

function line(t: TranslateFunction, item: CaseLine, now: number, cutoffs: Cutoffs, names: StaffNames): string {
  const days = Math.max(0, Math.floor((now - item.createdAt) / DAY_MS));
  // A closed case needs no one's urgent attention any more.
  const urgent = item.urgent && item.status !== "closed" && item.status !== "withdrawn" ? "🔴 " : "";
  const late = isOverdue(item, cutoffs) ? "⏰ " : "";
  const who = item.assignee === undefined ? "" : ` · 👤 ${staffName(t, item.assignee, names)}`;
  return `${urgent}${late}<code>${item.code}</code> · ${t(`case-status-${item.status}`)} · ${t(`report-place-${item.placeType}`)} · ${t(`report-region-${item.region}`)} · ${t("case-age", { days })}${who}`;
}

/** One page of cases with one summary line each, buttons to open them, the filters and the paging. */
export function caseListScreen(t: TranslateFunction, state: ListState, page: CasePage, now: number, cutoffs: Cutoffs, names: StaffNames) {
  const { filter, mine, overdue, offset } = state;
  const at = (changed: Partial<ListState["filter"]>, toggle: Partial<Pick<ListState, "mine" | "overdue">> = {}) =>
    LIST.encode({ filter: { ...filter, ...changed }, mine, overdue, ...toggle, offset: 0 });
  const all = t("case-filter-all");
  const label = (name: string, value: string) => `${t(`case-filter-${name}`)}: ${value}`;
  const keyboard = new InlineKeyboard();
  page.cases.forEach((item, index) => {
    keyboard.text(item.code, CASE_DATA.open(item.code));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row()
    .text(label("status", filter.status ? t(`case-status-${filter.status}`) : all), at({ status: nextOf(STATUSES, filter.status) }))
    .text(filter.urgent ? t("case-filter-urgent-on") : t("case-filter-urgent-off"), at({ urgent: !filter.urgent })).row()
    .text(label("region", filter.region ? t(`report-region-${filter.region}`) : all), at({ region: nextOf<Region>(REGIONS, filter.region) }))
    .text(label("place", filter.placeType ? t(`report-place-${filter.placeType}`) : all), at({ placeType: nextOf<PlaceType>(PLACE_TYPES, filter.placeType) })).row()
    .text(mine ? t("case-filter-mine-on") : t("case-filter-mine-off"), at({}, { mine: !mine }))
    .text(overdue ? t("case-filter-overdue-on") : t("case-filter-overdue-off"), at({}, { overdue: !overdue })).row();
  // With filters on and nothing found, one press shows every case again.
  if (page.total === 0 && (Object.values(filter).some(Boolean) || mine || overdue)) keyboard.text(t("case-filter-reset"), LIST.encode({ filter: {}, mine: false, overdue: false, offset: 0 })).row();
  if (offset > 0) keyboard.text(t("case-list-newer"), LIST.encode({ ...state, offset: Math.max(0, offset - PAGE_SIZE) }));
  if (page.more) keyboard.text(t("case-list-older"), LIST.encode({ ...state, offset: offset + PAGE_SIZE }));
  const head = page.total === 0
    ? t("case-list-empty")
    : t("case-list-title", { from: offset + 1, to: offset + page.cases.length, total: page.total });
  return { text: [`<b>${head}</b>`, ...page.cases.map((item) => line(t, item, now, cutoffs, names))].join("\n"), keyboard };
}
