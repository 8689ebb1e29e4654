import MiniSearch from "minisearch";
import { LOCALES, type Locale } from "../config.js";
import { stripTags } from "../html.js";
import { TOPICS, topicById, type Topic } from "./topics.js";

export type Translate = (locale: Locale, key: string, variables?: Record<string, string>) => string;

export const MAX_RESULTS = 3;

// Below this score a match rests on one weak or fuzzy word, and a wrong card is worse than none.
// Tuned on test/search-eval.json, which also holds questions that must match nothing.
const MIN_SCORE = 8;

// Kyrgyz words carry long chains of suffixes (кармалган, кармалганда, кармалгандардын) and Russian ones
// change their endings, so every word is cut to its first letters, at indexing and at query time alike.
const STEM_LENGTH = 6;

const STOP_WORDS = new Set(
  [
    // ru
    "и", "в", "во", "на", "с", "со", "к", "по", "о", "об", "от", "до", "за", "из", "у", "не", "ни", "но", "а", "же", "ли",
    "что", "как", "мне", "меня", "мой", "моя", "мои", "моего", "я", "ты", "вы", "он", "она", "они", "его", "её", "их",
    "это", "этот", "так", "там", "тут", "есть", "был", "была", "были", "быть", "если", "или", "для", "при", "уже",
    // ky
    "жана", "менен", "мен", "сен", "сиз", "ал", "алар", "биз", "бул", "ошол", "да", "де", "дагы", "эле", "го", "бы",
    "үчүн", "деп", "болуп", "болсо", "эмне", "кантип", "кандай", "мага", "мени", "менин", "сага", "сизге",
    // auxiliary verbs: "they are doing", "I am doing"
    "жатат", "жатышат", "жатам", "жатабыз", "жатасыз",
  ],
);

export function normalizeTerm(term: string): string | null {
  const word = term.toLowerCase().replaceAll("ё", "е");
  if (word.length < 2 || STOP_WORDS.has(word)) return null;
  return word.slice(0, STEM_LENGTH);
}

interface Doc {
  id: string;
  topic: string;
  title: string;
  keywords: string;
  body: string;
}

export interface RightsSearch {
  /** The best matching cards, best first, at most MAX_RESULTS; empty when nothing fits well. */
  search(query: string): Topic[];
}

/** One index over both languages: a person may ask in either, whatever language the bot speaks to them. */
export function createRightsSearch(translate: Translate): RightsSearch {
  // Every beginning of every indexed word. A query word found here is matched exactly or as a prefix;
  // only the others (typos, unusual forms) pay for fuzzy matching, which costs several times more.
  const known = new Set<string>();
  const index = new MiniSearch<Doc>({
    fields: ["title", "keywords", "body"],
    storeFields: ["topic"],
    processTerm: normalizeTerm,
    searchOptions: {
      boost: { title: 2, keywords: 3, body: 1 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 && !known.has(term) ? 0.2 : false),
      combineWith: "OR",
    },
  });
  const docs = TOPICS.flatMap((topic) =>
    LOCALES.map((locale) => {
      const t = (part: string) => stripTags(translate(locale, `rights-${topic.id}-${part}`, { org: "", named: "no" }));
      return { id: `${topic.id}:${locale}`, topic: topic.id, title: t("title"), keywords: t("keywords"), body: `${t("body")} ${t("next")}` };
    }),
  );
  index.addAll(docs);
  for (const doc of docs) {
    for (const word of `${doc.title} ${doc.keywords} ${doc.body}`.split(/[\n\r\p{Z}\p{P}]+/u)) {
      const term = normalizeTerm(word);
      for (let end = 1; term && end <= term.length; end++) known.add(term.slice(0, end));
    }
  }

  return {
    search(query) {
      const best = new Map<string, number>();
      for (const result of index.search(query)) {
        const topic = result.topic as string;
        best.set(topic, Math.max(best.get(topic) ?? 0, result.score));
      }
      return [...best]
        .filter(([, score]) => score >= MIN_SCORE)
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_RESULTS)
        .flatMap(([id]) => topicById(id) ?? []);
    },
  };
}
