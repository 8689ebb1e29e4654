import { once } from "node:events";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";

/**
 * Rows as CSV, streamed as they are read: a UTF-8 byte order mark first, so that Excel reads Cyrillic
 * text, then a header and one line per row.
 */
export function csvOf(rows: AsyncIterable<Record<string, string>>, columns: string[]): Readable {
  const csv = stringify({ header: true, bom: true, columns });
  void (async () => {
    for await (const row of rows) if (!csv.write(row)) await once(csv, "drain");
    csv.end();
  })().catch((err: unknown) => csv.destroy(err instanceof Error ? err : new Error(String(err))));
  return csv;
}
