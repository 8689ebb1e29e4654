import type { Status } from "./statuses.js";

/** How soon a new case must be acknowledged (moved out of «new») and acted on (see ACTIONS). */
export interface Deadlines {
  ackHours: number;
  actDays: number;
}

/** Moves that act on a case; a reply to the reporter is one too. Taking it into review only acknowledges it. */
export const ACTIONS: readonly Status[] = ["needs-information", "referred", "closed"];

/** Cases sent before these times are overdue if still new, or still not acted on. */
export interface Cutoffs {
  ackBefore: number;
  actBefore: number;
}

const HOUR = 3_600_000;

export const cutoffsOf = ({ ackHours, actDays }: Deadlines, now: number): Cutoffs => ({ ackBefore: now - ackHours * HOUR, actBefore: now - actDays * 24 * HOUR });

/**
 * A closed or withdrawn case is never overdue, and neither is one acted on and moved on from «new». A case
 * in a status that is itself an action was acted on, even if that was before first actions were recorded.
 */
export function isOverdue(item: { status: Status; createdAt: number; firstActionAt?: number }, cutoffs: Cutoffs): boolean {
  if (item.status === "closed" || item.status === "withdrawn") return false;
  if (item.status === "new" && item.createdAt <= cutoffs.ackBefore) return true;
  return item.firstActionAt === undefined && !ACTIONS.includes(item.status) && item.createdAt <= cutoffs.actBefore;
}
