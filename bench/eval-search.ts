/**
 * npm run eval:search — how well plain-words search finds the right rights card, measured on
 * test/search-eval.json. test/search.test.ts fails when top-3 accuracy drops below 85%.
 */
import { createI18n } from "../src/bot/i18n.js";
import { createRightsSearch } from "../src/rights/search.js";
import { evaluate, loadEvalCases } from "../test/search-eval.js";

const i18n = createI18n("ky", (warning) => {
  throw new Error(`missing translation: ${warning.path}`);
});
const cases = loadEvalCases();
const report = evaluate(createRightsSearch((locale, key, vars) => i18n.t(locale, key, vars)), cases);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

for (const miss of report.misses) {
  process.stdout.write(`miss  «${miss.q}»  expected ${miss.expect ?? "nothing"}, got ${miss.got.join(", ") || "nothing"}\n`);
}
process.stdout.write(
  `${report.questions} questions (${cases.filter((c) => c.expect && c.lang === "ky").length} ky, ` +
    `${cases.filter((c) => c.expect && c.lang === "ru").length} ru)\n` +
    `top-1 accuracy ${pct(report.top1, report.questions)}\n` +
    `top-3 accuracy ${pct(report.top3, report.questions)}\n` +
    `unanswerable questions given no card: ${report.rejected} of ${report.unanswerable}\n`,
);
