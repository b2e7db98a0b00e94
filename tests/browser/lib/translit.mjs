// Serbian Latin → Cyrillic for the short interface texts journeys expect.
// The app derives its Cyrillic interface from the Latin catalogue the same
// way (src/text/translit.rs, which also knows the rare words where lj, nj or
// dž are two letters — interface texts in journeys do not need that).

const DIGRAPHS = { lj: 'љ', nj: 'њ', dž: 'џ', Lj: 'Љ', LJ: 'Љ', Nj: 'Њ', NJ: 'Њ', Dž: 'Џ', DŽ: 'Џ' };
const LETTERS = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', đ: 'ђ', e: 'е', ž: 'ж', z: 'з', i: 'и', j: 'ј', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', ć: 'ћ', u: 'у', f: 'ф', h: 'х', c: 'ц', č: 'ч', š: 'ш',
};

export function toCyrillic(text) {
  // URLs and e-mail addresses stay as they are.
  return text.replace(/\S+/g, (token) => (/[@/]|^https?:/.test(token) || /[qwxy]/i.test(token) ? token : word(token)));
}

function word(token) {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const pair = token.slice(i, i + 2);
    if (DIGRAPHS[pair]) {
      out += DIGRAPHS[pair];
      i++;
      continue;
    }
    const c = token[i];
    const lower = c.toLowerCase();
    const mapped = LETTERS[lower];
    out += mapped ? (c === lower ? mapped : mapped.toUpperCase()) : c;
  }
  return out;
}

/**
 * The text for a language from { sr, en } (Cyrillic derived from `sr`) or
 * from { 'sr-Latn', 'sr-Cyrl', en } given explicitly. RegExps pass through
 * for `en` and `sr-Latn`; for `sr-Cyrl` give them explicitly.
 */
export function textFor(lang, texts) {
  if (typeof texts === 'string' || texts instanceof RegExp) return texts;
  if (texts[lang] !== undefined) return texts[lang];
  if (lang === 'en' && texts.en !== undefined) return texts.en;
  if (texts.sr !== undefined) {
    if (lang === 'sr-Latn') return texts.sr;
    if (lang === 'sr-Cyrl') {
      if (texts.sr instanceof RegExp) throw new Error(`give an explicit 'sr-Cyrl' RegExp for ${texts.sr}`);
      return toCyrillic(texts.sr);
    }
  }
  throw new Error(`no text for ${lang} in ${JSON.stringify(texts)}`);
}
