import { describe, expect, it } from "vitest";
import { kyrgyzStem } from "../src/rights/kyrgyz-stem.js";

const stems = (words: string) => words.split(" ").map(kyrgyzStem);

describe("Kyrgyz stems", () => {
  it("strips plural, possessive and case endings one after another", () => {
    expect(stems("арыз арызды арызымды арыздар арыздарыбызды")).toEqual(Array(5).fill("арыз"));
    expect(stems("тилмеч тилмечтин тилмечке тилмечтер")).toEqual(Array(4).fill("тилмеч"));
    expect(stems("милиция милицияда милициядан")).toEqual(Array(3).fill("милиция"));
    expect(stems("уулум уулумду уулуму")).toEqual(Array(3).fill("уул"));
  });

  it("brings verb forms to one stem: voice, negation, tense, person, gerund", () => {
    expect(stems("кармашты кармалды кармалган кармап кармай кармашат кармалганда кармалгандардын")).toEqual(Array(8).fill("карм"));
    expect(stems("сабашты сабашат сабап саба")).toEqual(Array(4).fill("саба"));
    expect(stems("кыйнашты кыйнап кыйнады")).toEqual(Array(3).fill("кый"));
  });

  it("stops at the verbal noun, which names a thing: «кыйноо», torture, is not «кыйнашты», they tortured", () => {
    expect(stems("кыйноо кыйноолор кыйноолордун")).toEqual(Array(3).fill("кыйноо"));
    expect(stems("даттануу даттануулар")).toEqual(Array(2).fill("даттануу"));
  });

  it("never cuts below three letters, or four after a one-letter ending", () => {
    expect(kyrgyzStem("урду")).toBe("урду");
    expect(kyrgyzStem("ата")).toBe("ата");
    expect(kyrgyzStem("агам")).toBe("агам");
    expect(kyrgyzStem("сотсуз")).toBe("сот");
  });

  it("reads words typed without Kyrgyz letters like those with them", () => {
    expect(kyrgyzStem("тергоо")).toBe(kyrgyzStem("тергөө"));
    expect(kyrgyzStem("турмолорду")).toBe(kyrgyzStem("түрмөлөрдү"));
    expect(kyrgyzStem("укуктарынызды")).toBe(kyrgyzStem("укуктарыңызды"));
  });

  it("gives a root its last к back where a vowel made it г: абак, абагы, абагында", () => {
    expect(stems("абак абагы абагында абактары")).toEqual(Array(4).fill("абак"));
  });
});
