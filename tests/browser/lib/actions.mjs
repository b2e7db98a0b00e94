// What a journey does on a page and what it expects to see. Every helper
// takes the Playwright `page` first, works the same with JavaScript on and
// off (forms are plain HTML forms), and fails with a message that says what
// was expected and what the page showed.

import { TIMEOUTS } from './config.mjs';

/** Normalised visible text. */
const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

const describe = (expected) => (expected instanceof RegExp ? String(expected) : JSON.stringify(expected));

function matches(actual, expected) {
  return expected instanceof RegExp ? expected.test(actual) : clean(actual) === clean(expected);
}

function contains(actual, expected) {
  return expected instanceof RegExp ? expected.test(actual) : clean(actual).includes(clean(expected));
}

/** Polls `probe` until it returns a truthy value or the time is up. */
export async function until(probe, describeFailure, timeout = TIMEOUTS.action) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) {
      throw new Error(typeof describeFailure === 'function' ? await describeFailure() : describeFailure);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `action` (a click, a submit) and waits until the document it leads
 * to has loaded, following redirects (POST → 303 → GET). Returns the final
 * document's response (status, url).
 */
export async function navigating(page, action, { timeout = TIMEOUTS.navigation } = {}) {
  const response = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.request().frame() === page.mainFrame() &&
      !(r.status() >= 300 && r.status() < 400),
    { timeout },
  );
  const loaded = page.waitForEvent('load', { timeout });
  // Keep a failed wait from becoming an unhandled rejection if `action` throws first.
  response.catch(() => {});
  loaded.catch(() => {});
  await action();
  const [final] = await Promise.all([response, loaded]).catch((error) => {
    throw new Error(`no new page loaded after the action (still on ${page.url()}): ${error.message.split('\n')[0]}`);
  });
  return final;
}

/** Opens `path` (relative to BASE_URL) and returns the final response. */
export async function visit(page, path) {
  const response = await page.goto(path, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${path}`);
  return response;
}

/**
 * Fills form fields by their `name`: text-like inputs and textareas get the
 * value, checkboxes are checked for `true` and unchecked for `false`, a
 * radio group selects the value, a select chooses the option (by value or
 * label), file inputs take a path or paths.
 * `within` narrows to one form (a selector) when several have the same names.
 */
export async function fillForm(page, fields, { within } = {}) {
  const scope = within ? page.locator(within) : page;
  for (const [name, value] of Object.entries(fields)) {
    const all = scope.locator(`[name="${cssString(name)}"]:not([type="hidden"])`);
    const count = await all.count();
    if (count === 0) {
      const names = await scope
        .locator('input[name]:not([type="hidden"]), select[name], textarea[name]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('name')))
        .catch(() => []);
      throw new Error(`no form field named "${name}" on ${page.url()} (fields there: ${[...new Set(names)].join(', ') || 'none'})`);
    }
    const first = all.first();
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = ((await first.getAttribute('type')) || '').toLowerCase();
    if (type === 'radio') {
      await scope.locator(`[name="${cssString(name)}"][value="${cssString(String(value))}"]`).check();
    } else if (type === 'checkbox') {
      if (count > 1 && typeof value === 'string') {
        await scope.locator(`[name="${cssString(name)}"][value="${cssString(value)}"]`).check();
      } else {
        await first.setChecked(Boolean(value));
      }
    } else if (tag === 'select') {
      const values = Array.isArray(value) ? value : [value];
      const byValue = await first.selectOption(values.map((v) => ({ value: String(v) }))).catch(() => null);
      if (!byValue) await first.selectOption(values.map((v) => ({ label: String(v) })));
    } else if (type === 'file') {
      await first.setInputFiles(value);
    } else {
      if (count > 1) throw new Error(`${count} fields are named "${name}"; pass { within: 'form selector' }`);
      await first.fill(String(value));
    }
  }
}

/**
 * Presses a submit button — by its visible text (string or RegExp, matched
 * as the button's accessible name) or by a CSS selector — and waits for the
 * page the form leads to. Returns that page's response.
 * Pass { navigation: false } for a button that does not load a new page.
 */
export async function submit(page, button, { within, navigation = true } = {}) {
  const target = await findButton(page, button, within);
  if (!navigation) {
    await target.click();
    return null;
  }
  return navigating(page, () => target.click());
}

async function findButton(page, button, within) {
  const scope = within ? page.locator(within) : page;
  const byName = scope.getByRole('button', { name: button, exact: typeof button === 'string' });
  if ((await byName.count()) === 1) return byName;
  if ((await byName.count()) > 1) {
    throw new Error(`${await byName.count()} buttons are named ${describe(button)} on ${page.url()}; pass { within: 'form selector' }`);
  }
  if (typeof button === 'string') {
    const bySelector = scope.locator(button);
    const count = await bySelector.count().catch(() => 0);
    if (count === 1) return bySelector;
    if (count > 1) throw new Error(`${count} elements match ${button} on ${page.url()}`);
  }
  const names = await scope
    .locator('button, input[type="submit"]')
    .evaluateAll((els) => els.map((el) => (el.innerText || el.value || '').trim()))
    .catch(() => []);
  throw new Error(`no button ${describe(button)} on ${page.url()} (buttons there: ${names.map((n) => JSON.stringify(n)).join(', ') || 'none'})`);
}

/**
 * Follows a link — by its visible text (string or RegExp) or a CSS selector
 * — and waits for the page it leads to. `within` narrows the search
 * (e.g. 'footer', 'nav[aria-label]'). Returns the new page's response.
 */
export async function followLink(page, link, { within } = {}) {
  const scope = within ? page.locator(within) : page;
  let target = scope.getByRole('link', { name: link, exact: typeof link === 'string' });
  let count = await target.count();
  if (count === 0 && typeof link === 'string') {
    target = scope.locator(link);
    count = await target.count().catch(() => 0);
  }
  if (count !== 1) {
    const names = await scope
      .locator('a[href]')
      .evaluateAll((els) => els.map((el) => `${(el.innerText || '').trim()} (${el.getAttribute('href')})`))
      .catch(() => []);
    throw new Error(
      count === 0
        ? `no link ${describe(link)} on ${page.url()} (links: ${names.join(', ')})`
        : `${count} links match ${describe(link)} on ${page.url()}; pass { within }`,
    );
  }
  return navigating(page, () => target.click());
}

/** The page's <h1> is `text` (exact after trimming, or a RegExp). With
 *  { level: 2 } any <h2> may match. */
export async function expectHeading(page, text, { level = 1 } = {}) {
  const headings = page.locator(`h${level}`);
  await until(
    async () => (await headings.allTextContents()).some((h) => matches(h, text)),
    async () => `expected an <h${level}> ${describe(text)} on ${page.url()}, found ${JSON.stringify((await headings.allTextContents()).map(clean))}`,
  );
}

/** Somewhere in the page's visible text (or within a selector) there is `text`. */
export async function expectText(page, text, { within = 'body' } = {}) {
  const scope = page.locator(within).first();
  await until(
    async () => contains(await scope.innerText().catch(() => ''), text),
    async () => `expected ${describe(text)} in ${within} of ${page.url()}; it says: ${clean(await scope.innerText().catch(() => '')).slice(0, 400)}`,
  );
}

/** The text is nowhere in the page (or within a selector). */
export async function expectNoText(page, text, { within = 'body' } = {}) {
  const body = await page.locator(within).first().innerText().catch(() => '');
  if (contains(body, text)) throw new Error(`did not expect ${describe(text)} in ${within} of ${page.url()}`);
}

/** The address is `path` (string: exact path and query; RegExp: tested on the path and query). */
export async function expectPath(page, path) {
  await until(
    () => {
      const url = new URL(page.url());
      return matches(url.pathname + url.search, path);
    },
    () => `expected to be at ${describe(path)}, but the address is ${page.url()}`,
  );
}

/** <html lang> is `lang`. */
export async function expectLanguage(page, lang) {
  const actual = await page.locator('html').getAttribute('lang');
  if (actual !== lang) throw new Error(`expected <html lang="${lang}"> on ${page.url()}, found lang="${actual}"`);
}

/** A one-time message (role=status or role=alert) says `text`. */
export async function expectFlash(page, text) {
  await expectText(page, text, { within: '[role="status"], [role="alert"]' }).catch(async () => {
    const messages = await page.locator('[role="status"], [role="alert"]').allInnerTexts();
    throw new Error(`expected a message ${describe(text)} on ${page.url()}; messages there: ${JSON.stringify(messages)}`);
  });
}

/**
 * The field `name` is marked invalid (aria-invalid="true") and, when `text`
 * is given, the message it points to with aria-describedby says it.
 */
export async function expectFieldError(page, name, text) {
  const field = page.locator(`[name="${cssString(name)}"]:not([type="hidden"])`).first();
  if ((await field.getAttribute('aria-invalid')) !== 'true') {
    throw new Error(`expected the field "${name}" to be marked aria-invalid="true" on ${page.url()}`);
  }
  if (text === undefined) return;
  const ids = ((await field.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  const described = [];
  for (const id of ids) described.push(await page.locator(`[id="${cssString(id)}"]`).innerText().catch(() => ''));
  if (!described.some((d) => contains(d, text))) {
    throw new Error(`expected the field "${name}" to be described by ${describe(text)}; its descriptions say ${JSON.stringify(described)}`);
  }
}

/** Submits the header's language switcher for `lang` (a plain form: works without JavaScript). */
export async function switchLanguage(page, lang) {
  return navigating(page, () => page.locator(`form.lang-switch button[name="lang"][value="${cssString(lang)}"]`).click());
}

function cssString(text) {
  return String(text).replace(/["\\]/g, '\\$&');
}
