/**
 * npm run eval:search — how well plain-words search finds the right rights card, measured on
 * test/search-eval.json: top-1 and top-3 per language, and how many unanswerable questions get no card.
 * The last line is the same as JSON. test/search.test.ts fails when a figure falls below TARGETS.
 */
import { createI18n } from "../src/bot/i18n.js";
import { createRightsSearch } from "../src/rights/search.js";
import { evaluate, loadEvalCases, summarize, TARGETS } from "../test/search-eval.js";

const i18n = createI18n("ky", (warning) => {
  throw new Error(`missing translation: ${warning.path}`);
});
const report = evaluate(createRightsSearch((locale, key, vars) => i18n.t(locale, key, vars)), loadEvalCases());
const summary = summarize(report);
const pct = (share: number) => `${(100 * share).toFixed(1)}%`;

for (const { lang, q, expect, got } of report.misses) {
  process.stdout.write(`miss  ${lang}  «${q}»  expected ${expect?.join(" or ") ?? "nothing"}, got ${got.join(", ") || "nothing"}\n`);
}
for (const { lang, questions, top1, top3 } of summary.languages) {
  process.stdout.write(`${lang}: ${questions} questions, top-1 ${pct(top1)}, top-3 ${pct(top3)}\n`);
}
process.stdout.write(
  `unanswerable questions given no card: ${summary.rejected} of ${summary.unanswerable}\n` +
    `targets: top-1 ≥ ${pct(TARGETS.top1)} and top-3 ≥ ${pct(TARGETS.top3)} in each language, ` +
    `≥ ${pct(TARGETS.rejected)} of the unanswerable given no card\n` +
    `${JSON.stringify(summary)}\n`,
);
