import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { PLACE_TYPES, REGIONS, type PlaceType, type Region } from "../complaints/model.js";
import { STATUSES } from "../complaints/statuses.js";
import type { CaseFilter, CaseLine } from "../complaints/store.js";
import { CASE_DATA } from "./report-view.js";

export const PAGE_SIZE = 10;
const NONE = "-";
const DAY_MS = 24 * 3600 * 1000;

/**
 * What a list screen shows: its filters, "assigned to me" (whoever presses it: the id is not in the button)
 * and its position, as callback data `cl:<status>:<urgent>:<mine>:<region>:<place>:<offset>`.
 */
export interface ListState {
  filter: Omit<CaseFilter, "assignee">;
  mine: boolean;
  offset: number;
}

export const LIST = {
  data: /^cl:([a-z-]+):([u-]):([m-]):([a-z-]+):([a-z-]+):(\d+)$/,
  encode: ({ filter, mine, offset }: ListState) =>
    `cl:${filter.status ?? NONE}:${filter.urgent ? "u" : NONE}:${mine ? "m" : NONE}:${filter.region ?? NONE}:${filter.placeType ?? NONE}:${offset}`,
  /** Undefined for data no list screen makes (an old or forged button). */
  decode([, status, urgent, mine, region, place, offset]: string[]): ListState | undefined {
    const pick = <T extends string>(values: readonly T[], value: string | undefined) => (value === NONE ? undefined : values.find((each) => each === value) ?? null);
    const filter = { status: pick(STATUSES, status), urgent: urgent === "u", region: pick(REGIONS, region), placeType: pick(PLACE_TYPES, place) };
    if (filter.status === null || filter.region === null || filter.placeType === null) return undefined;
    return { filter: filter as ListState["filter"], mine: mine === "m", offset: Number(offset) };
  },
} as const;

/** The next value of a filter that cycles through its values, and back to "all". */
function nextOf<T extends string>(values: readonly T[], current: T | undefined): T | undefined {
  const index = current === undefined ? -1 : values.indexOf(current);
  return index + 1 < values.length ? values[index + 1] : undefined;
}

function line(t: TranslateFunction, item: CaseLine, now: number): string {
  const days = Math.max(0, Math.floor((now - item.createdAt) / DAY_MS));
  const urgent = item.urgent ? "🔴 " : "";
  const who = item.assignee === undefined ? "" : ` · 👤 ${item.assignee}`;
  return `${urgent}<code>${item.code}</code> · ${t(`case-status-${item.status}`)} · ${t(`report-place-${item.placeType}`)} · ${t(`report-region-${item.region}`)} · ${t("case-age", { days })}${who}`;
}

/** One page of cases with one summary line each, buttons to open them, the filters and the paging. */
export function caseListScreen(t: TranslateFunction, state: ListState, page: { total: number; cases: CaseLine[] }, now: number) {
  const { filter, mine, offset } = state;
  const at = (changed: Partial<ListState["filter"]>, toggleMine = false) => LIST.encode({ filter: { ...filter, ...changed }, mine: toggleMine ? !mine : mine, offset: 0 });
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
    .text(mine ? t("case-filter-mine-on") : t("case-filter-mine-off"), at({}, true)).row();
  if (offset > 0) keyboard.text(t("case-list-newer"), LIST.encode({ ...state, offset: Math.max(0, offset - PAGE_SIZE) }));
  if (offset + PAGE_SIZE < page.total) keyboard.text(t("case-list-older"), LIST.encode({ ...state, offset: offset + PAGE_SIZE }));
  const head = page.total === 0
    ? t("case-list-empty")
    : t("case-list-title", { from: offset + 1, to: offset + page.cases.length, total: page.total });
  return { text: [`<b>${head}</b>`, ...page.cases.map((item) => line(t, item, now))].join("\n"), keyboard };
}
