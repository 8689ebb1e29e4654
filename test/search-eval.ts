import { readFileSync } from "node:fs";
import type { Locale } from "../src/config.js";
import type { RightsSearch } from "../src/rights/search.js";

export interface EvalCase {
  lang: Locale;
  q: string;
  /** The card that should come first, or null for a question no card answers. */
  expect: string | null;
}

export function loadEvalCases(): EvalCase[] {
  const file = new URL("./search-eval.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { cases: EvalCase[] }).cases;
}

export interface EvalReport {
  questions: number;
  top1: number;
  top3: number;
  /** Questions that must match nothing, and how many did match nothing. */
  unanswerable: number;
  rejected: number;
  misses: Array<{ q: string; expect: string | null; got: string[] }>;
}

export function evaluate(search: RightsSearch, cases: EvalCase[]): EvalReport {
  const report: EvalReport = { questions: 0, top1: 0, top3: 0, unanswerable: 0, rejected: 0, misses: [] };
  for (const { q, expect } of cases) {
    const got = search.search(q).map((topic) => topic.id);
    if (expect === null) {
      report.unanswerable++;
      if (got.length === 0) report.rejected++;
      else report.misses.push({ q, expect, got });
      continue;
    }
    report.questions++;
    if (got[0] === expect) report.top1++;
    if (got.includes(expect)) report.top3++;
    else report.misses.push({ q, expect, got });
  }
  return report;
}
