import { statusOf, type Status } from "../complaints/statuses.js";
import { isRole, type Role } from "../roles.js";
import type { AuditEntry } from "./stream.js";

/** What an audit entry says, as a message id and what fills it: the status, the role, the person. */
export interface ActionLabel {
  key: string;
  status?: Status;
  role?: Role;
  /** The case's new assignee, or whose role changed. */
  person?: number;
}

const PLAIN = new Set([
  "opened", "note", "export:plain", "export:content", "audit:view", "audit:export", "evidence", "history", "reply", "consent-asked", "retention-extended",
  "purged", "stats",
]);

const idIn = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** Undefined for an action this version does not know (one added later): it is then shown as written. */
export function actionLabel({ action, details }: AuditEntry): ActionLabel | undefined {
  const key = `audit-action-${action.replace(":", "-")}`;
  if (PLAIN.has(action)) return { key };
  const status = action.startsWith("status:") ? statusOf(action.slice("status:".length)) : undefined;
  if (status) return { key: "audit-action-status", status };
  const person = idIn(action === "assigned" ? details.assignee : details.target);
  if (action === "assigned" && person !== undefined) return { key, person };
  if ((action === "role:grant" || action === "role:revoke") && isRole(details.role) && person !== undefined) return { key, role: details.role, person };
  return undefined;
}
