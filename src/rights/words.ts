import { stemmer as russianStem } from "@orama/stemmers/russian";
import type { Locale } from "../config.js";
import { GREETINGS } from "./greetings.js";
import { foldKyrgyz, kyrgyzStem } from "./kyrgyz-stem.js";

export interface Language {
  /** The stems of a text's words that can tell one card from another. */
  terms(text: string): string[];
}

interface Vocabulary {
  /** Words that say nothing about what the person needs. */
  stopWords: string[];
  /**
   * Words that say nothing about which card answers, in any of their forms: relatives (the person asking is
   * often a mother or a brother; «сына избили» is about the beating), the police and their stations (nearly
   * every question has them: «избили в отделе» is about the beating, «забрали в отдел» about detention), parts
   * of the body (a broken rib and a headache need different cards; the other words tell which), verbs that
   * only help another, and greetings («салам, уулумду кармашты»).
   */
  neutral: string[];
}

const RUSSIAN: Vocabulary = {
  stopWords: [
    "и", "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "от", "до", "за", "из", "у", "не", "ни", "но", "а", "же",
    "ли", "бы", "что", "чтобы", "как", "мне", "меня", "мой", "моя", "мои", "моего", "моему", "моей", "я", "ты", "вы",
    "он", "она", "оно", "они", "его", "ее", "их", "ему", "ей", "им", "нас", "нам", "вас", "вам", "это", "этот", "эта",
    "так", "там", "тут", "вот", "есть", "был", "была", "было", "были", "быть", "если", "или", "для", "при", "уже", "еще",
    "тоже", "очень", "все", "весь", "можно", "нужно", "надо", "хочу", "пожалуйста", "подскажите", "скажите", "нет",
    // when it happened: the same card answers
    "вчера", "сегодня", "сейчас", "потом", "после", "недавно",
    // question words: they ask, but about anything
    "где", "куда", "когда", "почему", "зачем", "кто", "кому", "кого", "сколько", "какой", "какая", "какое", "какие",
    "чем", "чего",
  ],
  neutral: [
    "сын", "сына", "дочь", "дочери", "муж", "мужа", "жена", "жену", "брат", "брата", "сестра", "сестру", "отец", "отца",
    "мать", "матери", "мама", "папа", "бабушка", "дедушка",
    "милиция", "полиция", "менты", "мент", "ментовка", "милиционер", "полицейский", "полицейские", "отдел", "участок",
    "голова", "голову", "лицо", "рука", "руку", "нога", "ногу", "ребра", "ребер", "почки", "почкам", "тело", "зубы",
    "делать", "сделать", "дать", "дают", "дали", "дал", "давать",
  ],
};

const KYRGYZ: Vocabulary = {
  stopWords: [
    "жана", "менен", "мен", "сен", "сиз", "ал", "алар", "биз", "бул", "ошол", "да", "де", "дагы", "эле", "го", "бы",
    "үчүн", "деп", "болуп", "болсо", "мага", "мени", "менин", "сага", "сизге", "анын", "керек", "керекпи", "болот",
    "болобу", "мүмкүн", "бар", "жок", "силер", "силерге", "сиздер", "сиздерге",
    // when it happened: the same card answers
    "кечээ", "бүгүн", "азыр", "кийин", "жакында",
    // question words: they ask, but about anything
    "эмне", "кантип", "кандай", "кайда", "кайдан", "качан", "ким", "кимге", "эмнеге", "канча",
  ],
  neutral: [
    "уулум", "уулу", "кызым", "кызы", "күйөөм", "аялым", "агам", "агасы", "иним", "иниси", "эжем", "эжеси", "сиңдим",
    "байкем", "атам", "атасы", "апам", "апасы", "энем", "чоң",
    "милиция", "полиция", "мент", "ментер", "милиционер", "милиционерлер", "отдел", "бөлүм", "райотдел",
    "башы", "бети", "колу", "буту", "кабыргасы", "денеси", "тиши",
    // auxiliary verbs: "they are doing", "went and did", "has done", "put", "go", "do"
    "жатат", "жатышат", "жатам", "жатабыз", "жатасыз", "кетти", "кетишти", "калды", "калып", "калыптыр", "салды",
    "салып", "салышты", "коюшту", "коюшат", "барып", "барыш", "барам", "кылам", "кылыш", "келет", "келбейт",
    "берди", "бериңиз", "беришет", "бербей", "беришпейт",
  ],
};

const KNOWN_STEMS = 50_000;

function language(stem: (word: string) => string, { stopWords, neutral }: Vocabulary, fold = (word: string) => word): Language {
  const stop = new Set(stopWords.map(fold));
  // The soft and hard signs go after stemming: people leave them out (тюрма, пожаловатся), but Snowball
  // needs them to see an ending (-ть).
  // People ask with the same few thousand words, and stemming one costs more than looking it up: stems
  // already made are kept, up to a bound.
  const known = new Map<string, string>();
  const stemOf = (word: string) => {
    let stemmed = known.get(word);
    if (stemmed === undefined) {
      if (known.size >= KNOWN_STEMS) known.clear();
      known.set(word, (stemmed = stem(word).replace(/[ьъ]/g, "")));
    }
    return stemmed;
  };
  const neutralStems = new Set([...neutral, ...GREETINGS].map(stemOf));
  return {
    terms: (text) =>
      wordsOf(text)
        .filter((word) => word.length > 1 && !stop.has(fold(word)))
        .map(stemOf)
        .filter((term) => !neutralStems.has(term)),
  };
}

export const LANGUAGES: Record<Locale, Language> = {
  ru: language(russianStem, RUSSIAN),
  ky: language(kyrgyzStem, KYRGYZ, foldKyrgyz),
};

function wordsOf(text: string): string[] {
  return text.toLowerCase().replaceAll("ё", "е").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
