import type { Readable } from "node:stream";
import { bishkekIso } from "../complaints/bishkek-time.js";
import { csvOf } from "../csv.js";
import type { AuditEntry } from "./stream.js";

export const AUDIT_COLUMNS = ["id", "time", "action", "code", "actor", "details"];

// Ids only, no names: names change and are not part of what happened. Every value is written by the bot.
async function* rows(entries: AsyncIterable<AuditEntry>) {
  for await (const { id, at, action, code, actor, details } of entries) {
    const time = bishkekIso(at).slice(0, 19).replace("T", " ");
    yield { id, time, action, code: code ?? "", actor, details: Object.entries(details).map(([key, value]) => `${key}=${value}`).join("; ") };
  }
}

/** The audit as CSV (see csvOf), oldest first, times in Bishkek time. */
export const auditCsv = (entries: AsyncIterable<AuditEntry>): Readable => csvOf(rows(entries), AUDIT_COLUMNS);
