import type { Status } from "./statuses.js";

export interface CaseEvent {
  action: string;
  actor: string;
  at: number;
  /** A move: the status it went to, and the body referred to or the reason for closing. */
  status?: Status;
  detail?: string;
  /** The text of a note or a reply, decrypted when read (stored as `sealed`). */
  note?: string;
  sealed?: string;
  /** The text was deleted with the case's personal data. */
  deleted?: boolean;
}

// A history entry as stored: time (milliseconds, base 36) | action | actor (a staff member by their id
// alone) | status | sealed text ("-" once deleted) | detail, with empty fields at the end left out. Less
// than half the room of the JSON that earlier versions wrote, which is still read. Only the detail could
// ever hold a "|", so it comes last. (FORGET_TEXTS in scripts.ts blanks the sealed field of this form.)
const SEPARATOR = "|";
const DELETED = "-";
const STAFF = "staff:";

export function encodeEvent({ at, action, actor, status, sealed, deleted, detail }: CaseEvent): string {
  const who = actor.startsWith(STAFF) && /^\d+$/.test(actor.slice(STAFF.length)) ? actor.slice(STAFF.length) : actor;
  const fields = [at.toString(36), action, who, status ?? "", deleted ? DELETED : (sealed ?? ""), detail ?? ""];
  while (fields.at(-1) === "") fields.pop();
  return fields.join(SEPARATOR);
}

export function decodeEvent(entry: string): CaseEvent {
  if (entry.startsWith("{")) return JSON.parse(entry) as CaseEvent;
  const [at = "0", action = "", actor = "", status, sealed, ...detail] = entry.split(SEPARATOR);
  return {
    action, actor: /^\d+$/.test(actor) ? STAFF + actor : actor, at: parseInt(at, 36),
    ...(status ? { status: status as Status } : {}),
    ...(sealed === DELETED ? { deleted: true } : sealed ? { sealed } : {}),
    ...(detail.length > 0 ? { detail: detail.join(SEPARATOR) } : {}),
  };
}
