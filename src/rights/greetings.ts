/** Words that greet, in Kyrgyz, Russian and as people mix them. They say nothing about which card answers. */
export const GREETINGS = new Set([
  "привет", "приветствую", "здравствуйте", "здравствуй", "здраствуйте", "здрасте", "здрасьте", "добрый", "доброе",
  "доброго", "салам", "салем", "салям", "салют", "саламатсызбы", "саламатсыңарбы", "саламатчылык", "ассалам",
  "ассаламу", "ассалому", "саламу", "саляму", "алейкум", "алейкуму", "алайкум", "кутмандуу", "кайырлуу",
]);

// Said together with a greeting, and nothing a card could answer.
const SMALL_TALK = new Set([
  "ас", "день", "вечер", "утро", "дела", "как", "вы", "ты", "у", "вас", "тебя", "всем", "бот", "таң", "таңыңыз", "кеч",
  "кечиңиз", "кандай", "кандайсыз", "кандайсың", "жакшы", "жакшысызбы", "жакшыбы", "эсенсизби",
]);

/** «Привет», «салам алейкум», «здравствуйте, как дела»; not «привет, меня избили», which is a question. */
export function isGreeting(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((word) => GREETINGS.has(word)) && words.every((word) => GREETINGS.has(word) || SMALL_TALK.has(word));
}
