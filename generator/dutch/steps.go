package dutch

// The steps of Snowball's Dutch stemmer, in the order stem runs them. Each is the Snowball
// routine of the same name; the comments give its endings and what happens to them.

// The endings each step looks for.
var (
	lengthenEndings = []string{"a", "ä", "á", "à", "â", "o", "ö", "ó", "ò", "ô", "u", "ü", "ú", "ù", "û", "e", "é", "è", "ê", "eë", "ië"}
	step1Endings    = []string{"'s", "s", "ies", "es", "és", "aus", "en", "nde"}
	step2Endings    = []string{"je", "ge", "lijke", "ische", "de", "te", "se", "re", "le", "ene", "ieve"}
	step3Endings    = []string{"heid", "fie", "gie", "atie", "isme", "ing", "arij", "erij", "sel", "rder", "ster", "iteit", "dst", "tst"}
	step4IgEndings  = []string{"ig", "iger", "igst"}
	step4Endings    = []string{"end", "atief", "erig", "achtig", "ioneel", "baar", "laar", "naar", "raar", "eriger", "achtiger", "lijker", "tant", "erigst", "achtigst", "lijkst"}
	step7Endings    = []string{"kt", "ft", "pt"}
	step1cEndings   = []string{"d", "t"}
	step6Endings    = []string{"bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt", "vv", "ww", "xx", "zz", "v", "z"}
)

// lengthenVowel doubles a short vowel before a final consonant where Dutch spelling needs it
// once an ending is gone ("lop" of "lopen" becomes "loop"), and turns "eë" and "ië" into
// "eëe" and "iee". It always succeeds.
func (w *stemmer) lengthenVowel() {
	m := w.mark()
	defer w.back(m)
	if !w.outB(vowels + "wx") {
		return
	}
	e := w.ending(lengthenEndings)
	switch e {
	case "":
		return
	case "eë":
		w.sliceFrom("eëe")
		return
	case "ië":
		w.sliceFrom("iee")
		return
	}
	at := w.mark()
	if !w.outB(vowelsAIO+vowelsE) && !w.atStart() {
		return
	}
	if in(vowelsE, []rune(e)[0]) {
		// An e is only doubled after one consonant that follows no other vowel a, i, o or u
		// (nor an e at the start of the word), and not in a vowel-consonant pair before that.
		m2 := w.mark()
		if w.inB(vowelsAIO) || w.inB(vowelsE) && w.atStart() {
			return
		}
		w.back(m2)
		if w.c > w.lb {
			w.c--
			if w.inB(vowelsAIO) && w.outB(vowelsAIO+vowelsE) {
				return
			}
		}
	}
	w.back(at)
	w.insert(string(w.s[w.bra:w.ket]))
}

// step1 removes plural and other inflection endings: 's, s, ies, es, és, aus, en, nde.
func (w *stemmer) step1() bool {
	switch w.ending(step1Endings) {
	case "'s":
		w.del()
	case "s": // not after a t in R1, and only after a consonant
		if !w.r1() {
			return false
		}
		m := w.mark()
		if w.eqB("t") && w.r1() {
			return false
		}
		w.back(m)
		if !w.consonantBefore() {
			return false
		}
		w.del()
	case "ies":
		if !w.r1() {
			return false
		}
		w.sliceFrom("ie")
	case "es":
		return w.step1es()
	case "és":
		if !w.r1() {
			return false
		}
		w.sliceFrom("é")
	case "aus":
		if !w.r1() || !w.vowelBefore() {
			return false
		}
		w.sliceFrom("au")
	case "en":
		return w.step1en()
	case "nde":
		w.sliceFrom("nd")
	default:
		return false
	}
	return true
}

// step1es: "-ares" loses "es" and lengthens the vowel, "-eres" loses "es", and after another
// consonant in R1 "es" becomes "e".
func (w *stemmer) step1es() bool {
	m := w.mark()
	if w.eqB("ar") && w.r1() && w.consonantBefore() {
		w.back(m)
		w.del()
		w.lengthenVowel()
		return true
	}
	w.back(m)
	if w.eqB("er") && w.r1() && w.consonantBefore() {
		w.back(m)
		w.del()
		return true
	}
	w.back(m)
	if !w.r1() || !w.consonantBefore() {
		return false
	}
	w.sliceFrom("e")
	return true
}

// step1en: "-heden" becomes "-heid", "-nden" loses "en", "-den" after a consonant in R1 loses
// "den", "en" after i or j after a vowel goes, and otherwise "en" after a consonant in R1 goes
// and the vowel is lengthened.
func (w *stemmer) step1en() bool {
	m := w.mark()
	if w.eqB("hed") && w.r1() {
		w.bra = w.c
		w.sliceFrom("heid")
		return true
	}
	w.back(m)
	if w.eqB("nd") {
		w.del()
		return true
	}
	w.back(m)
	if w.eqB("d") && w.r1() && w.consonantBefore() {
		w.bra = w.c
		w.del()
		return true
	}
	w.back(m)
	if (w.eqB("i") || w.eqB("j")) && w.vowelBefore() {
		w.del()
		return true
	}
	w.back(m)
	if !w.r1() || !w.consonantBefore() {
		return false
	}
	w.del()
	w.lengthenVowel()
	return true
}

// step2 removes endings in -e: je, ge, lijke, ische, de, te, se, re, le, ene, ieve.
func (w *stemmer) step2() bool {
	switch w.ending(step2Endings) {
	case "je":
		return w.step2je()
	case "ge":
		return w.r1() && w.replaced("g")
	case "lijke":
		return w.r1() && w.replaced("lijk")
	case "ische":
		return w.r1() && w.replaced("isch")
	case "de":
		return w.r1() && w.consonantBefore() && w.replaced("")
	case "te":
		return w.r1() && w.replaced("t")
	case "se":
		return w.r1() && w.replaced("s")
	case "re":
		return w.r1() && w.replaced("r")
	case "le":
		if !w.r1() {
			return false
		}
		w.del()
		w.attach("l")
		w.lengthenVowel()
		return true
	case "ene":
		if !w.r1() || !w.consonantBefore() {
			return false
		}
		w.del()
		w.attach("en")
		w.lengthenVowel()
		return true
	case "ieve":
		return w.r1() && w.consonantBefore() && w.replaced("ief")
	}
	return false
}

// replaced replaces the slice with x and reports success, for steps that end in a replacement.
func (w *stemmer) replaced(x string) bool {
	w.sliceFrom(x)
	return true
}

// step2je handles the diminutive: 'tje, etje, rntje, tje, inkje, mpje, 'je and je.
func (w *stemmer) step2je() bool {
	m := w.mark()
	try := func(before string, cond func() bool, x string) bool {
		w.back(m)
		if !w.eqB(before) {
			return false
		}
		w.bra = w.c
		if !cond() {
			return false
		}
		w.sliceFrom(x)
		return true
	}
	always := func() bool { return true }
	switch {
	case try("'t", always, ""),
		try("et", func() bool { return w.r1() && w.consonantBefore() }, ""),
		try("rnt", always, "rn"),
		try("t", func() bool { return w.r1() && w.vowelSkipOne() }, ""),
		try("ink", always, "ing"),
		try("mp", always, "m"),
		try("'", w.r1, ""):
		return true
	}
	w.back(m)
	w.bra = w.c
	return w.r1() && w.consonantBefore() && w.replaced("")
}

// step3 removes derivational endings: atie, iteit, heid, sel, ster, rder, ing, isme, erij,
// arij, fie, gie, tst, dst.
func (w *stemmer) step3() bool {
	switch w.ending(step3Endings) {
	case "atie":
		return w.r1() && w.replaced("eer")
	case "iteit":
		if !w.r1() {
			return false
		}
		w.del()
		w.lengthenVowel()
		return true
	case "heid", "sel", "ster":
		return w.r1() && w.replaced("")
	case "rder":
		return w.replaced("r")
	case "ing", "isme", "erij":
		m := w.mark()
		if w.eqB("ild") { // schilderij is not schild
			return w.replaced("er")
		}
		w.back(m)
		if !w.r1() {
			return false
		}
		w.del()
		w.lengthenVowel()
		return true
	case "arij":
		return w.r1() && w.consonantBefore() && w.replaced("aar")
	case "fie", "gie":
		if !w.r2() {
			return false
		}
		last := string(w.s[w.bra])
		w.del()
		w.attach(last)
		w.lengthenVowel()
		return true
	case "tst":
		return w.r1() && w.consonantBefore() && w.replaced("t")
	case "dst":
		return w.r1() && w.consonantBefore() && w.replaced("d")
	}
	return false
}

// step4 removes adjective endings: ioneel, atief, baar, naar, laar, raar, tant, lijker, lijkst,
// achtig(er, st), erig(er, st), end; failing those, ig, iger, igst.
func (w *stemmer) step4() bool {
	m := w.mark()
	if w.step4Adjective() {
		return true
	}
	w.back(m)
	if w.ending(step4IgEndings) == "" || !w.r1() {
		return false
	}
	m2 := w.mark()
	if w.eqB("inn") && w.atStart() { // innig is not in
		return false
	}
	w.back(m2)
	if !w.consonantBefore() {
		return false
	}
	w.del()
	w.lengthenVowel()
	return true
}

func (w *stemmer) step4Adjective() bool {
	e := w.ending(step4Endings)
	if e == "" || !w.r1() {
		return false
	}
	switch e {
	case "ioneel":
		return w.replaced("ie")
	case "atief":
		return w.replaced("eer")
	case "baar", "achtig", "achtiger", "achtigst":
		return w.replaced("")
	case "naar", "laar", "raar":
		return w.vowelBefore() && w.replaced(e[:1])
	case "tant":
		return w.replaced("teer")
	case "lijker", "lijkst":
		return w.replaced("lijk")
	}
	// eriger, erigst, erig, end
	if !w.consonantBefore() {
		return false
	}
	w.del()
	w.lengthenVowel()
	return true
}

// step7 simplifies final consonant clusters: kt, ft, pt lose the t.
func (w *stemmer) step7() bool {
	switch w.ending(step7Endings) {
	case "":
		return false
	default:
		w.sliceFrom(string(w.s[w.bra]))
		return true
	}
}

// step6 undoubles a final double consonant and turns a final v into f and z into s.
func (w *stemmer) step6() {
	e := w.ending(step6Endings)
	switch e {
	case "":
	case "v":
		w.sliceFrom("f")
	case "z":
		w.sliceFrom("s")
	case "nn":
		m := w.mark()
		if w.eqB("i") && w.atStart() { // innen is not in
			return
		}
		w.back(m)
		w.sliceFrom("n")
	default:
		w.sliceFrom(e[:1])
	}
}

// step1c handles the d or t left where a past participle lost its "ge": it goes after a
// consonant in R1, except after n or h in R1, and "ind" at the start becomes "inn" and "ent"
// stays.
func (w *stemmer) step1c() bool {
	e := w.ending(step1cEndings)
	if e == "" || !w.r1() || !w.consonantBefore() {
		return false
	}
	m := w.mark()
	if e == "d" {
		if w.eqB("n") && w.r1() {
			return false
		}
		w.back(m)
		if w.eqB("in") && w.atStart() { // geïnd is innen
			return w.replaced("n")
		}
		w.back(m)
		return w.replaced("")
	}
	if w.eqB("h") && w.r1() {
		return false
	}
	w.back(m)
	if w.eqB("en") && w.atStart() { // geënt is not en
		return false
	}
	w.back(m)
	return w.replaced("")
}

// losePrefix removes the "ge" of a past participle at the start of the word ("gewerkt"), when
// at least three letters and a vowel that is not the last letter follow. "geëft", "geval(len)",
// "gevaar" and "gevaren" keep it. A "ë" or "ï" after it loses its diaeresis.
func (w *stemmer) losePrefix() bool {
	w.bra = w.c
	if !w.eqF("ge") {
		return false
	}
	w.ket = w.c
	if w.c+3 > w.limit || !w.vowelFollows() {
		return false
	}
	switch w.prefixException() {
	case "eft", "vaa", "val", "vare":
		return false
	}
	w.removeGe()
	return true
}

// prefixException finds the longest of Snowball's exceptions at the cursor and moves past it.
func (w *stemmer) prefixException() string {
	best := ""
	for _, e := range []string{"eft", "vaa", "val", "vali", "vare"} {
		if len(e) > len(best) && w.limit-w.c >= len(e) && string(w.s[w.c:w.c+len(e)]) == e {
			best = e
		}
	}
	w.c += len(best)
	return best
}

// loseInfix removes the first "ge" after the first letter ("opgewerkt"), on the same condition
// as losePrefix, without its exceptions.
func (w *stemmer) loseInfix() bool {
	if w.c >= w.limit {
		return false
	}
	w.c++
	for {
		w.bra = w.c
		if w.eqF("ge") {
			w.ket = w.c
			break
		}
		if w.c >= w.limit {
			return false
		}
		w.c++
	}
	if w.c+3 > w.limit || !w.vowelFollows() {
		return false
	}
	w.removeGe()
	return true
}

// vowelFollows tests that a vowel (or "ij") follows the cursor and that the run of vowels it
// starts is not the end of the word. The cursor stays.
func (w *stemmer) vowelFollows() bool {
	save := w.c
	defer func() { w.c = save }()
	for !w.eqF("ij") && !w.inF(vowels) {
		if w.c >= w.limit {
			return false
		}
		w.c++
	}
	for w.eqF("ij") || w.inF(vowels) {
	}
	return w.c < w.limit
}

// removeGe deletes the "ge" in [bra, ket) and takes the diaeresis off a ë or ï at the cursor.
func (w *stemmer) removeGe() {
	w.prefixRemoved = true
	w.del()
	save := w.c
	if w.c < w.limit && (w.s[w.c] == 'ë' || w.s[w.c] == 'ï') {
		w.bra, w.ket = w.c, w.c+1
		w.sliceFrom(map[rune]string{'ë': "e", 'ï': "i"}[w.s[w.c]])
	}
	w.c = save
}
