/**
 * A light Kyrgyz stemmer: it strips endings from the end of a word, one at a time, longest first, and never
 * leaves fewer than 3 letters, or fewer than 4 after an ending of one letter (a single letter at the end is
 * more often part of the root: «бала», a child, must not become «бал», honey). It does not know
 * roots, so it also cuts a loanword that happens to end like a suffix (адвокат → адвок); that is harmless
 * for search, because the cards and the questions are cut by the same rules.
 *
 * The endings, with every vowel-harmony and assimilation variant:
 * - plural: -лар/-лер/-лор/-лөр, -дар/-дер/-дор/-дөр, -тар/-тер/-тор/-төр;
 * - possessive: -(ы)м, -(ы)ң, -(ы)ңыз, -ы/-сы, -(ы)быз, -(ы)ңар (уулум, атасы, укуктарыңыз);
 * - case: genitive -нын/-дын/-тын, dative -га/-ка and -на/-а after a possessive, accusative -ны/-ды/-ты
 *   and -н, locative -да/-та/-нда, ablative -дан/-тан/-нан, equative -ча, and -дагы (кармалгандардын,
 *   милицияда, орусча, облустагы);
 * - verb: past -ды/-ты with its persons (-дым, -дың, -дык), participles -ган/-кан, gerunds -ып/-п, -а/-й,
 *   -бай/-пай, present -ат/-йт, conditional -са, negation -ба/-па, the persons -мын, -сың, -сыз, -быз,
 *   the question -бы/-пы, the verbal noun -ыш, -чу, -мак, future -ар and -бас, the wish -гым (жазгым келет);
 * - voice: passive -(ы)л, reflexive -(ы)н, reciprocal -(ы)ш, causative -т (кармалды, сабашты, каттатпай);
 *   the causative -дыр/-тыр makes another verb (бил- "know", билдир- "inform"), so it stays;
 * - a few derivations common in questions: -лык (юридикалык), -сыз (сотсуз), -чы (жактоочу).
 *
 * The verbal noun -уу/-үү/-оо/-өө (кыйноо, кармоо, даттануу) makes a noun of a verb, so stripping stops
 * there: «кыйноо», torture, stays apart from «кыйнашты», they tortured, as Snowball keeps «пытка» apart from
 * «пытали», and a question about what torture is finds a different card from one about a beating.
 *
 * A root's last к and п turn into г and б before a vowel (абак, абагы; китеп, китеби), so a stem that ends
 * in г or б gets its к or п back.
 *
 * Words are folded first (ө → о, ү → у, ң → н), because many phone keyboards have no Kyrgyz letters and
 * people write «тергоо» for «тергөө»; the endings above are matched in that folded form.
 */

const MIN_STEM = 3;
const MIN_STEM_AFTER_LETTER = 4;

// Placeholders in the endings below: A is a low vowel, I a high one, D, G and L the consonants that
// alternate at the start of an ending.
const VARIANTS: Record<string, string[]> = {
  A: ["а", "е", "о"],
  I: ["ы", "и", "у"],
  D: ["д", "т"],
  G: ["г", "к"],
  L: ["л", "д", "т"],
};

const ENDINGS = [
  // plural
  "LAр",
  // possessive
  "Iм", "м", "Iн", "IнIз", "нIз", "I", "сI", "IбIз", "бIз", "IнAр", "нAр",
  // case
  "нIн", "DIн", "GA", "нA", "A", "нI", "DI", "н", "DA", "нDA", "DAн", "нAн", "чA", "DAGI",
  // verb
  "DIм", "DIн", "DIк", "DIнIз", "GAн", "Iп", "п", "й", "бAй", "пAй", "Aт", "йт", "т", "сA", "бA", "пA",
  "мIн", "сIн", "сIз", "бI", "пI", "Iш", "чI", "мAк", "Aр", "бAс", "пAс", "GIм",
  // voice
  "Iл", "л", "ш",
  // derivation
  "лIк",
];

function expand(template: string): string[] {
  return [...template].reduce<string[]>(
    (forms, letter) => forms.flatMap((form) => (VARIANTS[letter] ?? [letter]).map((variant) => form + variant)),
    [""],
  );
}

const VERBAL_NOUN = /(?:оо|уу)$/;
const SUFFIXES = new Set(ENDINGS.flatMap(expand));
const LONGEST = Math.max(...[...SUFFIXES].map((suffix) => suffix.length));

export function foldKyrgyz(word: string): string {
  return word.replaceAll("ө", "о").replaceAll("ү", "у").replaceAll("ң", "н");
}

function strip(stem: string): string | null {
  // Longest ending first, so that -дан is taken before -ан would be.
  for (let length = Math.min(LONGEST, stem.length - MIN_STEM); length > 0; length--) {
    if (length === 1 && stem.length - 1 < MIN_STEM_AFTER_LETTER) return null;
    if (SUFFIXES.has(stem.slice(-length))) return stem.slice(0, -length);
  }
  return null;
}

/** The stem of one lowercase Kyrgyz word. */
export function kyrgyzStem(word: string): string {
  let stem = foldKyrgyz(word);
  while (!VERBAL_NOUN.test(stem)) {
    const shorter = strip(stem);
    if (shorter === null) break;
    stem = shorter;
  }
  return stem.replace(/г$/, "к").replace(/б$/, "п");
}
