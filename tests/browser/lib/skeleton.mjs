// "axe once per distinct page": the same template shown in another language,
// or with another variant's titles and ids, is the same page to axe. Its
// skeleton — the markup with every text replaced by whether there is one —
// decides: a page whose skeleton was audited before gets that audit's result
// instead of a second run (about two thirds of the runs, in CI's three
// languages). Everything axe's WCAG rules look at survives in the skeleton:
// elements, roles, classes (hence colours and contrast), attribute names,
// references between ids, and whether each text or label is empty.

import crypto from 'node:crypto';

/** Attributes whose value is prose (differs by language, never by structure). */
const TEXT_ATTRIBUTES = new Set([
  'alt', 'title', 'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription',
  'placeholder', 'value', 'content', 'label', 'summary', 'datetime', 'nonce', 'integrity',
]);
/** Addresses: a slug or id differs per variant; the page is the same. */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'cite']);

/** A hash of the page's skeleton; equal hashes mean axe would find the same. */
export function skeletonKey(html) {
  return crypto.createHash('sha256').update(skeleton(html)).digest('hex');
}

export function skeleton(html) {
  // Which button of the language picker is the current one moves with the
  // language: `aria-current` is kept only as the set of values it takes.
  const current = new Set();
  const body = html
    .replace(/\saria-current\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi, (_, a, b, c) => {
      current.add(a ?? b ?? c);
      return '';
    })
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, (_, tag, attrs) => `<${tag}${attributes(attrs)}>s</${tag}>`)
    .replace(/<([a-zA-Z][\w-]*)([^>]*)>|<\/([a-zA-Z][\w-]*)\s*>|([^<]+)/g, (whole, open, attrs, close, text) => {
      if (open) return `<${open.toLowerCase()}${attributes(attrs)}>`;
      if (close) return `</${close.toLowerCase()}>`;
      // A text is either there or not: an empty link or label is what axe flags.
      return text.trim() ? 't' : '';
    });
  return `${body}\naria-current: ${[...current].sort().join(' ')}`;
}

function attributes(source) {
  const out = [];
  for (const match of source.matchAll(/([^\s=\/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1].toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    out.push(value === undefined ? name : `${name}=${attributeValue(name, value)}`);
  }
  return out.length ? ` ${out.join(' ')}` : '';
}

function attributeValue(name, value) {
  if (TEXT_ATTRIBUTES.has(name)) return value.trim() ? 't' : '';
  if (ADDRESS_ATTRIBUTES.has(name)) return 'u';
  // <html lang> and inline lang marks take values from the fixed set the
  // house rules check on every page, so which one is beside the point.
  if (name === 'lang' || name === 'hreflang') return 'L';
  // Ids and references keep their shape (a duplicate id stays a duplicate)
  // but not their numbers, which count per variant.
  return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'U').replace(/\d+/g, '#');
}
