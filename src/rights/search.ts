import { LOCALES, type Locale } from "../config.js";
import { stripTags } from "../html.js";
import { organisationVariables } from "../profile.js";
import { TOPICS, topicById, type Topic } from "./topics.js";
import { createMatcher, type Match } from "./matching.js";
import { LANGUAGES, type Language } from "./words.js";

export type Translate = (locale: Locale, key: string, variables?: Record<string, string>) => string;

export const MAX_RESULTS = 3;

// Below this score a card rests on one common or doubtful word, and a wrong card is worse than none.
// Tuned on test/search-eval.json, which also holds questions that must match nothing.
const MIN_SCORE = 3.5;

const FIELD_WEIGHTS = { keywords: 3, title: 2, body: 1 } as const;

type Weights = Map<string, number>;

interface LanguageIndex {
  language: Language;
  /** For each stem, its weight in each topic that has it: the field it is in times how rare it is. */
  weights: Map<string, Weights>;
  matchesOf: (stem: string) => Match[];
}

export interface RightsSearch {
  /** The best matching cards, best first, at most MAX_RESULTS; empty when nothing fits well. */
  search(query: string): Topic[];
}

function buildIndex(language: Language, fields: Map<string, Record<keyof typeof FIELD_WEIGHTS, string>>): LanguageIndex {
  const fieldWeights = new Map<string, Weights>();
  for (const [topic, texts] of fields) {
    for (const field of Object.keys(FIELD_WEIGHTS) as Array<keyof typeof FIELD_WEIGHTS>) {
      for (const stem of language.terms(texts[field])) {
        const byTopic = fieldWeights.get(stem) ?? new Map<string, number>();
        byTopic.set(topic, Math.max(byTopic.get(topic) ?? 0, FIELD_WEIGHTS[field]));
        fieldWeights.set(stem, byTopic);
      }
    }
  }
  const weights = new Map<string, Weights>();
  for (const [stem, byTopic] of fieldWeights) {
    // BM25's inverse document frequency: a stem in every card tells nothing. A card that only mentions the
    // stem in its text counts as a third of one that has it as a keyword.
    const cards = [...byTopic.values()].reduce((sum, weight) => sum + weight, 0) / FIELD_WEIGHTS.keywords;
    const idf = Math.log(1 + (fields.size - cards + 0.5) / (cards + 0.5));
    weights.set(stem, new Map([...byTopic].map(([topic, weight]) => [topic, weight * idf])));
  }
  return { language, weights, matchesOf: createMatcher(weights.keys()) };
}

/** Each card's score for the query read in one language: for every word, its best match in that card. */
function scores(index: LanguageIndex, query: string): Map<string, number> {
  const totals = new Map<string, number>();
  const stems = new Set(index.language.terms(query));
  let matched = 0;
  for (const stem of stems) {
    const best = new Map<string, number>();
    const matches = index.matchesOf(stem);
    if (matches.length > 0) matched++;
    for (const [other, sureness] of matches) {
      for (const [topic, weight] of index.weights.get(other)!) best.set(topic, Math.max(best.get(topic) ?? 0, sureness * weight));
    }
    for (const [topic, score] of best) totals.set(topic, (totals.get(topic) ?? 0) + score);
  }
  // A message most of whose words the cards do not know is most likely about something else.
  const coverage = stems.size === 0 ? 0 : matched / stems.size;
  for (const [topic, total] of totals) totals.set(topic, total * coverage);
  return totals;
}

/** One index per language; a question is read in each, since a person may ask in either. */
export function createRightsSearch(translate: Translate): RightsSearch {
  const indexes = LOCALES.map((locale) => {
    const t = (id: string, part: string) => stripTags(translate(locale, `rights-${id}-${part}`, organisationVariables(undefined, locale)));
    const fields = new Map(
      TOPICS.map(({ id }) => [id, { title: t(id, "title"), keywords: t(id, "keywords"), body: `${t(id, "body")} ${t(id, "next")}` }]),
    );
    return buildIndex(LANGUAGES[locale], fields);
  });

  const order = new Map(TOPICS.map(({ id }, position) => [id, position]));
  return {
    search(query) {
      const best = new Map<string, number>();
      for (const index of indexes) {
        for (const [topic, score] of scores(index, query)) best.set(topic, Math.max(best.get(topic) ?? 0, score));
      }
      // Equal scores keep the library's order, so a topic comes before its own narrower cards.
      return [...best]
        .filter(([, score]) => score >= MIN_SCORE)
        .sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!)
        .slice(0, MAX_RESULTS)
        .flatMap(([id]) => topicById(id) ?? []);
    },
  };
}
