import type { Readable } from "node:stream";
import { csvOf } from "../csv.js";
import type { ExportRow } from "./store.js";

export const PLAIN_COLUMNS = [
  "code", "status", "urgent", "placeType", "region", "createdAt", "updatedAt", "firstActionAt", "assignee", "referredTo", "closedReason", "consentVersion",
  "shareConsent", "retainUntil", "purgedAt",
];
export const CONTENT_COLUMNS = ["reporter", "placeName", "when", "whenText", "narrative", "contact", "files", "additions"];

/** The cases as CSV (see csvOf), one row per case, streamed as they are read. Times are Bishkek time. */
export function casesCsv(rows: AsyncIterable<ExportRow>, withContent: boolean): Readable {
  return csvOf(rows, withContent ? [...PLAIN_COLUMNS, ...CONTENT_COLUMNS] : PLAIN_COLUMNS);
}
