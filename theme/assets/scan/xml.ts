// Just enough XML for the parts of an .xlsx workbook: attributes, character references, text runs.
// The parts are machine-written, so a scan with regular expressions is enough; element names may
// carry a namespace prefix ("x:c"), as some writers use.

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

// codePoint gives the character, or U+FFFD for a number that is none.
function codePoint(n: number): string {
  if (!(n >= 0 && n <= 0x10ffff) || (n >= 0xd800 && n <= 0xdfff)) return "\ufffd";
  if (n < 0x10000) return String.fromCharCode(n);
  n -= 0x10000;
  return String.fromCharCode(0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff));
}

// unescapeXML replaces the character references in text or an attribute value.
export function unescapeXML(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m: string, name: string, dec: string, hex: string) => {
    if (name) return NAMED[name];
    return codePoint(dec ? parseInt(dec, 10) : parseInt(hex, 16));
  });
}

// OOXML writes characters that XML cannot hold as _xHHHH_ (ECMA-376 22.9.2.19).
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeOOXML(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(OOXML_ESCAPE, (_m: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

// attributes reads the attributes of a start tag (the text between its name and ">"). Prefixed
// names keep their prefix, except that "r:id" and the like are also found without it.
export function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(s); m; m = ATTRIBUTE.exec(s)) {
    const v = unescapeXML(m[2] !== undefined ? m[2] : m[3]);
    out[m[1]] = v;
    const colon = m[1].indexOf(":");
    if (colon >= 0 && out[m[1].slice(colon + 1)] === undefined) out[m[1].slice(colon + 1)] = v;
  }
  return out;
}

// startTags finds the start tags of an element (with any prefix) and returns their attributes.
export function startTags(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp("<(?:[\\w.-]+:)?" + name + "(?=[\\s/>])([^>]*)>", "g");
  const out: Record<string, string>[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(attributes(m[1]));
  return out;
}

const T_OR_PHONETIC = /<(?:[\w.-]+:)?(t|rPh)\b[^>]*?(\/?)>/g;

// runText joins the text of the <t> elements in a string item or inline string (<si>, <is>),
// leaving out phonetic runs (<rPh>, Japanese reading aids).
export function runText(fragment: string): string {
  let out = "";
  T_OR_PHONETIC.lastIndex = 0;
  for (let m = T_OR_PHONETIC.exec(fragment); m; m = T_OR_PHONETIC.exec(fragment)) {
    const close = fragment.indexOf("</", T_OR_PHONETIC.lastIndex);
    if (m[2] === "/" || close < 0) continue;
    if (m[1] === "rPh") {
      const end = fragment.indexOf("rPh>", T_OR_PHONETIC.lastIndex);
      if (end >= 0) T_OR_PHONETIC.lastIndex = end + 4;
      continue;
    }
    out += fragment.slice(T_OR_PHONETIC.lastIndex, close);
    T_OR_PHONETIC.lastIndex = close;
  }
  return unescapeOOXML(unescapeXML(out));
}
