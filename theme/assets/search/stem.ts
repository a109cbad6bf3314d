// Snowball's Dutch stemmer (Kraaij-Pohlmann, as Snowball 3 ships it), the same algorithm as
// generator/dutch, step for step; a Go test holds the two to each other and to Snowball's own
// output for its 45,670-word Dutch vocabulary. See generator/dutch for what each step does.

const VOWELS_E = "eëéèê";
const VOWELS_AIOU = "aäáàâiïíìîoöóòôuüúùû";
const VOWELS = VOWELS_AIOU + VOWELS_E + "y";
const AEIOU = VOWELS_AIOU + VOWELS_E;

// The endings each step looks for.
const LENGTHEN = ["a", "ä", "á", "à", "â", "o", "ö", "ó", "ò", "ô", "u", "ü", "ú", "ù", "û", "e", "é", "è", "ê", "eë", "ië"];
const STEP1 = ["'s", "s", "ies", "es", "és", "aus", "en", "nde"];
const STEP2 = ["je", "ge", "lijke", "ische", "de", "te", "se", "re", "le", "ene", "ieve"];
const STEP3 = ["heid", "fie", "gie", "atie", "isme", "ing", "arij", "erij", "sel", "rder", "ster", "iteit", "dst", "tst"];
const STEP4_IG = ["ig", "iger", "igst"];
const STEP4 = ["end", "atief", "erig", "achtig", "ioneel", "baar", "laar", "naar", "raar", "eriger", "achtiger", "lijker", "tant", "erigst", "achtigst", "lijkst"];
const STEP7 = ["kt", "ft", "pt"];
const STEP1C = ["d", "t"];
const STEP6 = ["bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt", "vv", "ww", "xx", "zz", "v", "z"];

export function stem(word: string): string {
  const w = new Stemmer(word);
  w.stem();
  return w.s.slice(0, w.limit);
}

// Snowball's machine: the word, the cursor and its limits, the slice [bra, ket) the last ending
// found covers, and the regions R1 and R2. (Fields are declared and set in the constructor, so
// that no define-property helper runs per word.)
class Stemmer {
  declare s: string;
  declare c: number;
  declare lb: number;
  declare limit: number;
  declare bra: number;
  declare ket: number;
  declare p1: number;
  declare p2: number;
  declare stemmed: boolean;
  declare prefixRemoved: boolean;

  constructor(word: string) {
    this.s = word;
    this.c = this.lb = this.bra = this.ket = this.p1 = this.p2 = 0;
    this.limit = word.length;
    this.stemmed = this.prefixRemoved = false;
  }

  stem(): void {
    this.measure();
    this.backward(() => {
      for (const step of [this.step1, this.step2, this.step3, this.step4]) {
        this.stemmed = step.call(this) || this.stemmed;
        this.c = this.limit;
      }
    });
    for (const lose of [this.losePrefix, this.loseInfix]) {
      this.prefixRemoved = false;
      this.c = this.lb;
      if (lose.call(this)) {
        this.c = this.lb;
        this.measure();
      }
      this.c = this.lb;
      this.backward(() => {
        if (this.prefixRemoved) {
          this.stemmed = true;
          this.step1c();
        }
      });
    }
    this.backward(() => {
      this.stemmed = this.step7() || this.stemmed;
      this.c = this.limit;
      if (this.stemmed) this.step6();
    });
  }

  backward(steps: () => void): void {
    this.lb = this.c;
    this.c = this.limit;
    steps();
    this.c = this.lb;
  }

  measure(): void {
    this.p1 = this.p2 = this.limit;
    const save = this.c;
    for (let i = 0; i < 2; i++) {
      while (this.c < this.limit && !VOWELS.includes(this.s[this.c])) this.c++;
      let n = 0;
      while (this.eqF("ij") || this.inF(VOWELS)) n++;
      if (n === 0 || !this.outF(VOWELS)) break;
      if (i === 0) this.p1 = this.c;
      else this.p2 = this.c;
    }
    this.c = save;
  }

  // Forward primitives.
  eqF(x: string): boolean {
    if (this.limit - this.c < x.length || !this.s.startsWith(x, this.c)) return false;
    this.c += x.length;
    return true;
  }
  inF(set: string): boolean {
    if (this.c >= this.limit || !set.includes(this.s[this.c])) return false;
    this.c++;
    return true;
  }
  outF(set: string): boolean {
    if (this.c >= this.limit || set.includes(this.s[this.c])) return false;
    this.c++;
    return true;
  }

  // Backward primitives.
  eqB(x: string): boolean {
    if (!this.endsWith(x)) return false;
    this.c -= x.length;
    return true;
  }
  inB(set: string): boolean {
    if (this.c <= this.lb || !set.includes(this.s[this.c - 1])) return false;
    this.c--;
    return true;
  }
  outB(set: string): boolean {
    if (this.c <= this.lb || set.includes(this.s[this.c - 1])) return false;
    this.c--;
    return true;
  }
  endsWith(x: string): boolean {
    return this.c - this.lb >= x.length && this.s.startsWith(x, this.c - x.length);
  }
  // ending finds the longest of the endings before the cursor and marks it as [bra, ket).
  ending(endings: readonly string[]): string {
    let best = "";
    for (let i = 0; i < endings.length; i++) {
      const e = endings[i];
      if (e.length > best.length && this.endsWith(e)) best = e;
    }
    if (best === "") return "";
    this.ket = this.c;
    this.c -= best.length;
    this.bra = this.c;
    return best;
  }
  mark(): number {
    return this.limit - this.c;
  }
  back(mark: number): void {
    this.c = this.limit - mark;
  }

  r1(): boolean {
    return this.p1 <= this.c;
  }
  r2(): boolean {
    return this.p2 <= this.c;
  }
  atStart(): boolean {
    return this.c <= this.lb;
  }
  vowelBefore(): boolean {
    return (this.c > this.lb && VOWELS.includes(this.s[this.c - 1])) || this.endsWith("ij");
  }
  vowelSkipOne(): boolean {
    if (this.c <= this.lb) return false;
    this.c--;
    const ok = this.vowelBefore();
    this.c++;
    return ok;
  }
  consonantBefore(): boolean {
    return !this.endsWith("ij") && this.c > this.lb && !VOWELS.includes(this.s[this.c - 1]);
  }

  // Changes to the word.
  replace(from: number, to: number, x: string): number {
    const adjust = x.length - (to - from);
    this.s = this.s.slice(0, from) + x + this.s.slice(to, this.limit);
    this.limit += adjust;
    if (this.c >= to) this.c += adjust;
    else if (this.c > from) this.c = from;
    return adjust;
  }
  sliceFrom(x: string): void {
    this.replace(this.bra, this.ket, x);
    this.ket = this.bra + x.length;
  }
  replaced(x: string): boolean {
    this.sliceFrom(x);
    return true;
  }
  del(): void {
    this.sliceFrom("");
  }
  attach(x: string): void {
    const c = this.c;
    const adjust = this.replace(c, c, x);
    if (c <= this.bra) this.bra += adjust;
    if (c <= this.ket) this.ket += adjust;
  }
  insert(x: string): void {
    const c = this.c;
    this.attach(x);
    this.c = c;
  }

  lengthenVowel(): void {
    const m = this.mark();
    this.lengthenVowelAt();
    this.back(m);
  }
  lengthenVowelAt(): void {
    if (!this.outB(VOWELS + "wx")) return;
    const e = this.ending(LENGTHEN);
    if (e === "") return;
    if (e === "eë") return this.sliceFrom("eëe");
    if (e === "ië") return this.sliceFrom("iee");
    const at = this.mark();
    if (!this.outB(AEIOU) && !this.atStart()) return;
    if (VOWELS_E.includes(e)) {
      const m2 = this.mark();
      if (this.inB(VOWELS_AIOU) || (this.inB(VOWELS_E) && this.atStart())) return;
      this.back(m2);
      if (this.c > this.lb) {
        this.c--;
        if (this.inB(VOWELS_AIOU) && this.outB(AEIOU)) return;
      }
    }
    this.back(at);
    this.insert(this.s.slice(this.bra, this.ket));
  }

  step1(): boolean {
    switch (this.ending(STEP1)) {
      case "'s":
        return this.replaced("");
      case "s": {
        if (!this.r1()) return false;
        const m = this.mark();
        if (this.eqB("t") && this.r1()) return false;
        this.back(m);
        return this.consonantBefore() && this.replaced("");
      }
      case "ies":
        return this.r1() && this.replaced("ie");
      case "es":
        return this.step1es();
      case "és":
        return this.r1() && this.replaced("é");
      case "aus":
        return this.r1() && this.vowelBefore() && this.replaced("au");
      case "en":
        return this.step1en();
      case "nde":
        return this.replaced("nd");
    }
    return false;
  }

  step1es(): boolean {
    const m = this.mark();
    if (this.eqB("ar") && this.r1() && this.consonantBefore()) {
      this.back(m);
      this.del();
      this.lengthenVowel();
      return true;
    }
    this.back(m);
    if (this.eqB("er") && this.r1() && this.consonantBefore()) {
      this.back(m);
      return this.replaced("");
    }
    this.back(m);
    return this.r1() && this.consonantBefore() && this.replaced("e");
  }

  step1en(): boolean {
    const m = this.mark();
    if (this.eqB("hed") && this.r1()) {
      this.bra = this.c;
      return this.replaced("heid");
    }
    this.back(m);
    if (this.eqB("nd")) return this.replaced("");
    this.back(m);
    if (this.eqB("d") && this.r1() && this.consonantBefore()) {
      this.bra = this.c;
      return this.replaced("");
    }
    this.back(m);
    if ((this.eqB("i") || this.eqB("j")) && this.vowelBefore()) return this.replaced("");
    this.back(m);
    if (!this.r1() || !this.consonantBefore()) return false;
    this.del();
    this.lengthenVowel();
    return true;
  }

  step2(): boolean {
    switch (this.ending(STEP2)) {
      case "je":
        return this.step2je();
      case "ge":
        return this.r1() && this.replaced("g");
      case "lijke":
        return this.r1() && this.replaced("lijk");
      case "ische":
        return this.r1() && this.replaced("isch");
      case "de":
        return this.r1() && this.consonantBefore() && this.replaced("");
      case "te":
        return this.r1() && this.replaced("t");
      case "se":
        return this.r1() && this.replaced("s");
      case "re":
        return this.r1() && this.replaced("r");
      case "le":
        if (!this.r1()) return false;
        this.del();
        this.attach("l");
        this.lengthenVowel();
        return true;
      case "ene":
        if (!this.r1() || !this.consonantBefore()) return false;
        this.del();
        this.attach("en");
        this.lengthenVowel();
        return true;
      case "ieve":
        return this.r1() && this.consonantBefore() && this.replaced("ief");
    }
    return false;
  }

  step2je(): boolean {
    const m = this.mark();
    const tries: [string, () => boolean, string][] = [
      ["'t", () => true, ""],
      ["et", () => this.r1() && this.consonantBefore(), ""],
      ["rnt", () => true, "rn"],
      ["t", () => this.r1() && this.vowelSkipOne(), ""],
      ["ink", () => true, "ing"],
      ["mp", () => true, "m"],
      ["'", () => this.r1(), ""],
    ];
    for (const [before, cond, x] of tries) {
      this.back(m);
      if (!this.eqB(before)) continue;
      this.bra = this.c;
      if (cond()) return this.replaced(x);
    }
    this.back(m);
    this.bra = this.c;
    return this.r1() && this.consonantBefore() && this.replaced("");
  }

  step3(): boolean {
    const e = this.ending(STEP3);
    switch (e) {
      case "atie":
        return this.r1() && this.replaced("eer");
      case "iteit":
        if (!this.r1()) return false;
        this.del();
        this.lengthenVowel();
        return true;
      case "heid":
      case "sel":
      case "ster":
        return this.r1() && this.replaced("");
      case "rder":
        return this.replaced("r");
      case "ing":
      case "isme":
      case "erij": {
        const m = this.mark();
        if (this.eqB("ild")) return this.replaced("er");
        this.back(m);
        if (!this.r1()) return false;
        this.del();
        this.lengthenVowel();
        return true;
      }
      case "arij":
        return this.r1() && this.consonantBefore() && this.replaced("aar");
      case "fie":
      case "gie": {
        if (!this.r2()) return false;
        const last = this.s[this.bra];
        this.del();
        this.attach(last);
        this.lengthenVowel();
        return true;
      }
      case "tst":
        return this.r1() && this.consonantBefore() && this.replaced("t");
      case "dst":
        return this.r1() && this.consonantBefore() && this.replaced("d");
    }
    return false;
  }

  step4(): boolean {
    const m = this.mark();
    if (this.step4Adjective()) return true;
    this.back(m);
    if (this.ending(STEP4_IG) === "" || !this.r1()) return false;
    const m2 = this.mark();
    if (this.eqB("inn") && this.atStart()) return false;
    this.back(m2);
    if (!this.consonantBefore()) return false;
    this.del();
    this.lengthenVowel();
    return true;
  }

  step4Adjective(): boolean {
    const e = this.ending(STEP4);
    if (e === "" || !this.r1()) return false;
    switch (e) {
      case "ioneel":
        return this.replaced("ie");
      case "atief":
        return this.replaced("eer");
      case "baar":
      case "achtig":
      case "achtiger":
      case "achtigst":
        return this.replaced("");
      case "naar":
      case "laar":
      case "raar":
        return this.vowelBefore() && this.replaced(e[0]);
      case "tant":
        return this.replaced("teer");
      case "lijker":
      case "lijkst":
        return this.replaced("lijk");
    }
    if (!this.consonantBefore()) return false;
    this.del();
    this.lengthenVowel();
    return true;
  }

  step7(): boolean {
    if (this.ending(STEP7) === "") return false;
    return this.replaced(this.s[this.bra]);
  }

  step6(): void {
    const e = this.ending(STEP6);
    if (e === "") return;
    if (e === "v") return this.sliceFrom("f");
    if (e === "z") return this.sliceFrom("s");
    if (e === "nn") {
      const m = this.mark();
      if (this.eqB("i") && this.atStart()) return;
      this.back(m);
    }
    this.sliceFrom(e[0]);
  }

  step1c(): boolean {
    const e = this.ending(STEP1C);
    if (e === "" || !this.r1() || !this.consonantBefore()) return false;
    const m = this.mark();
    if (e === "d") {
      if (this.eqB("n") && this.r1()) return false;
      this.back(m);
      if (this.eqB("in") && this.atStart()) return this.replaced("n");
      this.back(m);
      return this.replaced("");
    }
    if (this.eqB("h") && this.r1()) return false;
    this.back(m);
    if (this.eqB("en") && this.atStart()) return false;
    this.back(m);
    return this.replaced("");
  }

  losePrefix(): boolean {
    this.bra = this.c;
    if (!this.eqF("ge")) return false;
    this.ket = this.c;
    if (this.c + 3 > this.limit || !this.vowelFollows()) return false;
    const e = this.prefixException();
    if (e === "eft" || e === "vaa" || e === "val" || e === "vare") return false;
    this.removeGe();
    return true;
  }

  prefixException(): string {
    let best = "";
    for (const e of ["eft", "vaa", "val", "vali", "vare"]) {
      if (e.length > best.length && this.limit - this.c >= e.length && this.s.startsWith(e, this.c)) best = e;
    }
    this.c += best.length;
    return best;
  }

  loseInfix(): boolean {
    if (this.c >= this.limit) return false;
    this.c++;
    for (;;) {
      this.bra = this.c;
      if (this.eqF("ge")) {
        this.ket = this.c;
        break;
      }
      if (this.c >= this.limit) return false;
      this.c++;
    }
    if (this.c + 3 > this.limit || !this.vowelFollows()) return false;
    this.removeGe();
    return true;
  }

  vowelFollows(): boolean {
    const save = this.c;
    let ok = true;
    while (!this.eqF("ij") && !this.inF(VOWELS)) {
      if (this.c >= this.limit) {
        ok = false;
        break;
      }
      this.c++;
    }
    if (ok) {
      while (this.eqF("ij") || this.inF(VOWELS));
      ok = this.c < this.limit;
    }
    this.c = save;
    return ok;
  }

  removeGe(): void {
    this.prefixRemoved = true;
    this.del();
    const save = this.c;
    const ch = this.c < this.limit ? this.s[this.c] : "";
    if (ch === "ë" || ch === "ï") {
      this.bra = this.c;
      this.ket = this.c + 1;
      this.sliceFrom(ch === "ë" ? "e" : "i");
    }
    this.c = save;
  }
}
