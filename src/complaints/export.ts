import { once } from "node:events";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ExportRow } from "./store.js";

export const PLAIN_COLUMNS = [
  "code", "status", "urgent", "placeType", "region", "createdAt", "updatedAt", "assignee", "referredTo", "closedReason", "consentVersion",
];
export const CONTENT_COLUMNS = ["reporter", "placeName", "when", "whenText", "narrative", "contact", "files", "additions"];

/**
 * The cases as CSV, streamed as they are read: a UTF-8 byte order mark first, so that Excel reads the
 * Cyrillic text, then a header and one row per case. Times are Bishkek time.
 */
export function casesCsv(rows: AsyncIterable<ExportRow>, withContent: boolean): Readable {
  const csv = stringify({ header: true, bom: true, columns: withContent ? [...PLAIN_COLUMNS, ...CONTENT_COLUMNS] : PLAIN_COLUMNS });
  void (async () => {
    for await (const row of rows) if (!csv.write(row)) await once(csv, "drain");
    csv.end();
  })().catch((err: unknown) => csv.destroy(err instanceof Error ? err : new Error(String(err))));
  return csv;
}
