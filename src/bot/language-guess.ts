import type { Locale } from "../config.js";

// Letters Kyrgyz has and Russian does not.
const KYRGYZ_LETTERS = /[өүң]/i;

// Without those letters a text can still be either language, so it is told by its common small words.
// A word here must be one the other language does not use («салам» and «привет» are said in both). Too
// few to tell means: ask.
const KYRGYZ_WORDS = new Set([
  "эмне", "эмнеге", "кантип", "кайда", "качан", "ким", "кайсы", "кандай", "канча", "мени", "мага", "менин", "сиз",
  "сизге", "биз", "бизди", "жана", "менен", "деп", "керек", "барбы", "жок", "эмес", "болот", "болду", "болсо",
  "кармашты", "кармады", "сабашты", "урушту", "кыйнашты", "уулум", "кызым", "агам", "иним", "балам", "жардам",
  "бериңиз", "берчи", "айтып", "кылам", "кылыш", "арыз", "даттануу", "укук", "укугум", "саламатсызбы",
]);

const RUSSIAN_WORDS = new Set([
  "что", "где", "как", "куда", "когда", "почему", "зачем", "кто", "меня", "мне", "мой", "моя", "моего", "моему",
  "мы", "нас", "он", "она", "они", "его", "её", "ее", "их", "на", "в", "во", "с", "со", "к", "по", "от", "до",
  "за", "из", "у", "не", "нет", "и", "или", "если", "это", "был", "была", "были", "можно", "нужно", "надо",
  "помогите", "помощь", "сын", "сына", "брат", "брата", "муж", "мужа", "избили", "побили", "били", "пытали",
  "задержали", "забрали", "полиция", "полицию", "милицию", "отделе", "жалоба", "пожаловаться", "права",
  "сколько", "часов", "здравствуйте",
]);

/** The language a person wrote in, where that can be told from the text alone. */
export function guessLanguage(text: string): Locale | undefined {
  if (KYRGYZ_LETTERS.test(text)) return "ky";
  let ky = 0;
  let ru = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (KYRGYZ_WORDS.has(word)) ky++;
    if (RUSSIAN_WORDS.has(word)) ru++;
  }
  if (ky > ru) return "ky";
  if (ru > ky) return "ru";
  return undefined;
}
