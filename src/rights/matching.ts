// Stemmers miss in both directions: Snowball leaves «перел» for «перелом» but «перелом» for «переломы», and
// the Kyrgyz rules stop at their minimum length or at an ending they do not know. So two stems also match
// when one begins the other, but only a few letters apart, and only when the shorter one is long enough:
// a short stem begins too many unrelated words («сын», son, begins «сынык», a broken bone).
const MIN_PREFIX = 4;
const MAX_EXTRA_LETTERS = 3;
const PREFIX_MATCH = 0.8;
// A word that matches nothing as typed may be misspelled: one wrong letter in a short stem, two in a long one.
// Only stems with the same first letter are tried: people rarely get that one wrong, and it keeps this cheap.
const FUZZY_MATCH = 0.6;
const FUZZY_MIN_LENGTH = 5;
const FUZZY_TWO_LETTERS_LENGTH = 8;

/** An indexed stem that a query stem matches, and how sure the match is (1 when they are equal). */
export type Match = [stem: string, sureness: number];

/** Finds, for a query stem, the indexed stems it matches: equal, one beginning the other, or misspelled. */
export function createMatcher(indexed: Iterable<string>): (stem: string) => Match[] {
  const known = new Set(indexed);
  // Each stem under every beginning of it that may match it; and by first letter and length.
  const longer = new Map<string, string[]>();
  const similar = new Map<string, string[]>();
  for (const stem of known) {
    for (let end = shortestBeginning(stem); end < stem.length; end++) push(longer, stem.slice(0, end), stem);
    push(similar, similarKey(stem, stem.length), stem);
  }

  return (stem) => {
    const matches: Match[] = [];
    if (known.has(stem)) matches.push([stem, 1]);
    for (const other of longer.get(stem) ?? []) matches.push([other, PREFIX_MATCH]);
    for (let end = shortestBeginning(stem); end < stem.length; end++) {
      if (known.has(stem.slice(0, end))) matches.push([stem.slice(0, end), PREFIX_MATCH]);
    }
    if (matches.length > 0 || stem.length < FUZZY_MIN_LENGTH) return matches;
    const max = stem.length >= FUZZY_TWO_LETTERS_LENGTH ? 2 : 1;
    for (let length = stem.length - max; length <= stem.length + max; length++) {
      for (const other of similar.get(similarKey(stem, length)) ?? []) {
        if (distance(stem, other, max) <= max) matches.push([other, FUZZY_MATCH]);
      }
    }
    return matches;
  };
}

const shortestBeginning = (stem: string) => Math.max(MIN_PREFIX, stem.length - MAX_EXTRA_LETTERS);
const similarKey = (stem: string, length: number) => `${stem[0]}${length}`;

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Optimal string alignment distance (a swap of two neighbours counts once), or Infinity past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return Infinity;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
