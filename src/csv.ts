import { once } from "node:events";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";

/**
 * Rows as CSV, streamed as they are read: a UTF-8 byte order mark first, so that Excel reads Cyrillic
 * text, then a header and one line per row. A value that a spreadsheet would take for a formula (it begins
 * with =, +, -, @, a tab or a carriage return) gets a leading ' : an account or a name written as
 * "=HYPERLINK(…)" must not run on the admin's computer when the file is opened (OWASP "CSV Injection").
 * A phone number then reads '+996…, and stays text instead of becoming a number.
 */
export function csvOf(rows: AsyncIterable<Record<string, string>>, columns: string[]): Readable {
  const csv = stringify({ header: true, bom: true, columns, escape_formulas: true });
  void (async () => {
    for await (const row of rows) if (!csv.write(row)) await once(csv, "drain");
    csv.end();
  })().catch((err: unknown) => csv.destroy(err instanceof Error ? err : new Error(String(err))));
  return csv;
}
