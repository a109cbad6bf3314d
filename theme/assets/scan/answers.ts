// Answer scales and the words people and form tools write for them.

import { fold, table } from "./kb";

// An answer code: "1"…"5" on the agree scales, "ja", "nee" or "wn" (weet niet) on the yes/no
// scale, "nvt" (niet van toepassing), or "" (not answered). "nvt" and "" are no answer: they do not
// count in the denominator.
export type Answer = string;

export const NVT = "nvt";

// A scale family: the two agree scales share their words and codes.
export type Family = "eens5" | "janeeweetniet";

export function family(scale: string): Family {
  return scale === "janeeweetniet" ? "janeeweetniet" : "eens5";
}

// answerCodes lists the answer codes of a scale, without "nvt".
export function answerCodes(scale: string): string[] {
  return family(scale) === "janeeweetniet" ? ["ja", "nee", "wn"] : ["1", "2", "3", "4", "5"];
}

const LABELS: Record<string, string> = table({
  "1": "helemaal mee oneens",
  "2": "mee oneens",
  "3": "neutraal",
  "4": "mee eens",
  "5": "helemaal mee eens",
  ja: "ja",
  nee: "nee",
  wn: "weet niet",
  nvt: "niet van toepassing",
});

// answerLabel is how a reader sees an answer code.
export function answerLabel(code: Answer): string {
  return LABELS[code] || "";
}

// words builds a lookup from folded phrases to a code.
function words(groups: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = table({});
  for (const code of Object.keys(groups)) for (const w of groups[code]) out[fold(w)] = code;
  return out;
}

// The agree scale in Dutch and English, as the scan and common form tools word it (Microsoft
// Forms' Likert options, Google Forms, LimeSurvey, Qualtrics' "Somewhat agree" scale). "Weet ik
// niet" on a statement is no answer: the MIDI statements have no such point.
const AGREE = words({
  "1": ["helemaal mee oneens", "helemaal oneens", "helemaal niet mee eens", "zeer mee oneens", "zeer oneens", "geheel mee oneens", "geheel oneens", "volledig mee oneens", "volledig oneens", "totaal mee oneens", "totaal oneens", "strongly disagree", "completely disagree", "totally disagree"],
  "2": ["mee oneens", "oneens", "niet mee eens", "enigszins mee oneens", "enigszins oneens", "beetje mee oneens", "disagree", "somewhat disagree", "slightly disagree", "tend to disagree"],
  "3": ["neutraal", "niet eens, niet oneens", "niet eens en niet oneens", "niet eens of oneens", "niet mee eens, niet mee oneens", "niet mee eens en niet mee oneens", "niet mee eens of oneens", "noch eens, noch oneens", "eens noch oneens", "neither agree nor disagree", "neither agree or disagree", "neutral"],
  "4": ["mee eens", "eens", "enigszins mee eens", "enigszins eens", "beetje mee eens", "agree", "somewhat agree", "slightly agree", "tend to agree"],
  "5": ["helemaal mee eens", "helemaal eens", "zeer mee eens", "zeer eens", "geheel mee eens", "geheel eens", "volledig mee eens", "volledig eens", "totaal mee eens", "totaal eens", "strongly agree", "completely agree", "totally agree"],
  nvt: ["weet niet", "weet ik niet", "dont know", "don't know", "do not know", "i don't know"],
});

const YESNO = words({
  ja: ["ja", "j", "yes", "y"],
  nee: ["nee", "n", "no"],
  wn: ["weet niet", "weet ik niet", "wn", "dont know", "don't know", "do not know", "i don't know", "i do not know"],
});

// No answer on any scale: not applicable, or a form tool's "no answer".
const NONE = words({
  nvt: ["nvt", "n.v.t.", "niet van toepassing", "n/a", "na", "not applicable", "does not apply"],
  "": ["geen antwoord", "no answer"],
});

// A number beside the word, as forms write the options: "4 - Mee eens", "4. mee eens", "(4) mee
// eens", "mee eens (4)".
const NUMBER_FIRST = /^\(?([0-9])\)?(?:\s*[-.):=–]\s*|\s+)(\S.*)$/;
const NUMBER_LAST = /^(.*\S)\s*\(([0-9])\)$/;

// normalizeAnswer turns what a person typed (a cell, a JSON value) into an answer code for the
// scale, or null when it is no answer the scan knows on that scale.
export function normalizeAnswer(scale: string, raw: unknown): Answer | null {
  if (raw === null || raw === undefined) return "";
  const text = String(raw).trim();
  if (text === "") return "";
  const direct = wordOnScale(scale, text);
  if (direct !== null) return direct;
  // The word decides: a form's own numbering may run 0–4, or 1–7. A number beside a word the scan
  // does not know is left for the reader to map.
  const m = NUMBER_FIRST.exec(text) || NUMBER_LAST.exec(text);
  if (!m) return null;
  const word = NUMBER_FIRST.test(text) ? m[2] : m[1];
  return /[a-z]/i.test(word) ? wordOnScale(scale, word) : null;
}

function wordOnScale(scale: string, text: string): Answer | null {
  if (family(scale) === "eens5" && /^[1-5]$/.test(text)) return text;
  if (text === "-") return "";
  const k = fold(text);
  if (k === "") return null;
  const none = NONE[k];
  if (none !== undefined) return none;
  const w = (family(scale) === "janeeweetniet" ? YESNO : AGREE)[k];
  return w === undefined ? null : w;
}

// POLARITY maps, per scale, every answer code to -1 (negative, unfavourable), 1 (positive) or 0
// (an answer that is neither: neutraal, weet niet). Codes not listed are no answer. On
// "eens5-omgekeerd" items agreeing is unfavourable.
export const POLARITY: Record<string, Record<string, number>> = table({
  eens5: table({ "1": -1, "2": -1, "3": 0, "4": 1, "5": 1 }),
  "eens5-omgekeerd": table({ "1": 1, "2": 1, "3": 0, "4": -1, "5": -1 }),
  janeeweetniet: table({ nee: -1, ja: 1, wn: 0 }),
});

// polarity scores one answer: -1 negative, 1 positive, 0 neither, null no answer.
export function polarity(scale: string, a: Answer | undefined): number | null {
  const pol = POLARITY[scale];
  const p = pol && a !== undefined ? pol[a] : undefined;
  return p === undefined ? null : p;
}

// allowedNL and allowedEN say which answers a scale takes, for messages.
export function allowedNL(scale: string): string {
  return family(scale) === "janeeweetniet" ? "ja, nee of weet niet (of j, n)" : "1 tot en met 5, of de woorden, zoals mee eens";
}

export function allowedEN(scale: string): string {
  return family(scale) === "janeeweetniet" ? "ja, nee or weet niet (or yes, no, don't know)" : "1 to 5, or the words, such as mee eens or agree";
}
