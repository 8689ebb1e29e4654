import type { Readable } from "node:stream";
import { csvOf } from "../csv.js";
import type { ExportRow } from "./store.js";

export const PLAIN_COLUMNS = [
  "code", "status", "urgent", "placeType", "region", "createdAt", "updatedAt", "firstActionAt", "assignee", "assigneeName", "referredTo", "closedReason", "consentVersion",
  "shareConsent", "retainUntil", "purgedAt",
];
export const CONTENT_COLUMNS = ["reporter", "placeName", "when", "whenText", "narrative", "contact", "files", "additions"];

/** The cases as CSV (see csvOf), one row per case, streamed as they are read. Times are Bishkek time. */
export function casesCsv(rows: AsyncIterable<ExportRow>, withContent: boolean): Readable {
  return csvOf(rows, withContent ? [...PLAIN_COLUMNS, ...CONTENT_COLUMNS] : PLAIN_COLUMNS);
}

/** The rows with the assignee's name beside their id, where the bot knows it (looked up once per person). */
export async function* withStaffNames(rows: AsyncIterable<ExportRow>, names: (ids: number[]) => Promise<Map<number, string>>): AsyncIterable<ExportRow> {
  const known = new Map<string, string>();
  for await (const row of rows) {
    const id = row.assignee ?? "";
    if (id && !known.has(id)) known.set(id, (await names([Number(id)])).get(Number(id)) ?? "");
    yield { ...row, assigneeName: known.get(id) ?? "" };
  }
}
