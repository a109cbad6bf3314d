// A zip file (an .xlsx workbook is one) as the host unpacked it: the page with the browser's
// DecompressionStream (page/unzip.ts), `kennisbank scan` with Go's archive/zip and compress/flate
// (generator/scan/unzip.go). The logic never inflates; it reads the text of the parts. The rules
// both hosts hold to while unpacking (ZIP_LIMITS, which parts to unpack) and what each reason to
// stop means to a reader are written here, once.

import { refuse } from "./problem";

// ZIP_LIMITS guard against zip bombs: the parts unpacked from one file together may not exceed
// `unpacked` bytes; a part over `ratioFrom` bytes may not unpack to more than `ratio` times its
// packed size (Apache POI's default minimum inflate ratio of 0.01); unpacking stops at the size
// the zip's directory declares. A workbook has a few dozen parts, never `entries`.
export const ZIP_LIMITS = {
  unpacked: 64 * 1024 * 1024,
  ratio: 100,
  ratioFrom: 1024 * 1024,
  entries: 10000,
};

// Why a host stopped unpacking: the directory or a part does not add up ("damaged"), a part is
// encrypted, a part would break ZIP_LIMITS or unpacks past its declared size ("bomb"), a part
// uses a compression method other than stored or deflate ("method"), a part is not UTF-8
// ("text"), or the zip has more than ZIP_LIMITS.entries parts.
export type ZipFault = "" | "damaged" | "encrypted" | "bomb" | "method" | "text" | "entries";

export interface Unzipped {
  names: string[]; // every part's name, in the directory's order
  parts: Record<string, string>; // the text of every part the scan reads (see wanted), as UTF-8
  fault: ZipFault; // why the host stopped, "" when it did not
  faultPart: string; // the part it stopped at
}

// wanted tells a host which parts to unpack, in the directory's order: the XML parts and their
// relationships, and an OpenDocument file's mimetype. Images and the like are left packed.
export function wanted(name: string): boolean {
  return name === "mimetype" || /\.(xml|rels)$/i.test(name);
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

// partText returns a part's text without a byte order mark, or null when the zip has no such
// part (or the host did not unpack it).
export function partText(z: Unzipped, name: string): string | null {
  const t = z.parts[name];
  if (t === undefined) return null;
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

export function hasPart(z: Unzipped, name: string): boolean {
  return z.names.indexOf(name) >= 0;
}

// refuseFault explains why the host could not unpack the file, if it could not.
export function refuseFault(z: Unzipped): void {
  const part = z.faultPart;
  switch (z.fault) {
    case "":
      return;
    case "encrypted":
      refuse("Dit bestand is versleuteld met een wachtwoord. Haal het wachtwoord eraf en bewaar het opnieuw.", "this file is encrypted with a password; remove the password and save it again");
      return;
    case "bomb":
      refuse(
        `Dit bestand pakt uit tot veel meer dan erin lijkt te zitten (${part}). Zo werkt een zip-bom; de scan opent het daarom niet. Bewaar de antwoorden opnieuw als .xlsx of CSV.`,
        `this file unpacks to far more than it seems to hold (${part}), as a zip bomb does; the scan does not open it. Save the answers again as .xlsx or CSV`,
      );
      return;
    case "method":
      refuse(`Een deel van dit bestand (${part}) is ingepakt op een manier die de scan niet kent.`, `a part of this file (${part}) is compressed in a way the scan does not know`);
      return;
    case "text":
      refuse(`Het bestand is beschadigd: ${part} is geen geldige tekst.`, `the file is damaged: ${part} is not valid text`);
      return;
    case "entries":
      refuse(`Dit zip-bestand heeft meer dan ${ZIP_LIMITS.entries} delen. Zo ziet een werkmap er niet uit.`, `this zip file has more than ${ZIP_LIMITS.entries} parts; a workbook does not`);
      return;
    default:
      refuse("Het bestand is beschadigd: het is een zip-bestand (zoals .xlsx) dat niet goed uit te pakken is.", "the file is damaged: it is a zip file (as .xlsx is) that cannot be unpacked");
  }
}
