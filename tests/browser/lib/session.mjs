// `t`, the object every journey receives: one fresh browser context (own
// cookies) in one language, with JavaScript on or off. It numbers the pages
// it checks, records steps, and collects what the checks find into the run's
// results.

import fs from 'node:fs';
import path from 'node:path';

import * as actions from './actions.mjs';
import { runAxe } from './axe.mjs';
import { skeletonKey } from './skeleton.mjs';
import { latestMailLink, mailSnapshot, waitForMail } from './mail.mjs';
import { textFor } from './translit.mjs';

/** Audits by page skeleton, across every variant of the run (see `auditOnce`). */
const audits = new Map();

/** A common phone's viewport, for the phone layout check in `check`. */
const PHONE = { width: 390, height: 844 };

/** Thrown after a failed step: the rest of that journey is skipped. */
export class JourneyAborted extends Error {}

export class Session {
  constructor({ page, context, auditContext, variant, journey, results, settings, counter }) {
    this.page = page;
    this.context = context;
    this.auditContext = auditContext;
    /** 'sr-Latn' | 'sr-Cyrl' | 'en' — the interface language under test. */
    this.lang = variant.lang;
    /** The language the browser asks for before the journey switches. */
    this.startLang = variant.startLang;
    /** JavaScript on (true) or off (false). */
    this.js = variant.js;
    /** e.g. "sr-Cyrl-nojs": also the folder of this variant's screenshots. */
    this.variant = variant.name;
    this.journey = journey;
    this.baseUrl = settings.baseUrl;
    this.mailDir = settings.mailDir;
    this.dir = path.join(settings.outputDir, variant.name);
    this.results = results;
    this.counter = counter; // shared by the journeys of one variant: NN in NN-page.png
    this.currentStep = null;
    this.problems = []; // broken resources and script errors since the last check
    this.lastDocument = null;
    this.watch();
  }

  // --- Steps -------------------------------------------------------------

  /** Runs one named step; a failure is recorded (with a screenshot) and ends the journey. */
  async step(name, fn) {
    const started = Date.now();
    this.currentStep = name;
    const record = { variant: this.variant, journey: this.journey, step: name, ok: true, ms: 0 };
    this.results.steps.push(record);
    try {
      await fn();
      record.ms = Date.now() - started;
      this.log(`  ✓ ${name} (${record.ms} ms)`);
    } catch (error) {
      record.ok = false;
      record.ms = Date.now() - started;
      record.error = error instanceof JourneyAborted ? error.message : String(error?.stack || error);
      record.evidence = await this.saveEvidence(`failed-${this.journey}`);
      this.log(`  ✗ ${name} (${record.ms} ms): ${firstLine(error)}`);
      throw new JourneyAborted(`step "${name}" failed`);
    } finally {
      this.currentStep = null;
    }
  }

  log(line) {
    console.log(`[${this.variant}] ${this.journey}:${line.startsWith(' ') ? '' : ' '}${line}`);
  }

  // --- Checking a page ---------------------------------------------------

  /**
   * The checks every page gets, as it is now: the HTML the server sent is
   * saved for the Nu Html Checker (run once at the end), a full-page
   * screenshot is taken, axe runs (WCAG 2.2 AA), and the house rules are
   * checked: a non-empty <title>, exactly one <h1>, <html lang> equal to the
   * language under test, no broken stylesheet/image/script, no script error.
   * Findings are collected (they fail the run) without stopping the journey.
   * `status` (default 200) is the HTTP status the page must have.
   */
  async check(name, { status = 200, lang = this.lang } = {}) {
    const page = this.page;
    await page.waitForLoadState('load');
    const number = String(++this.counter.value).padStart(2, '0');
    const base = `${number}-${slug(name)}`;
    fs.mkdirSync(this.dir, { recursive: true });

    const document = this.lastDocument;
    let html = document ? await document.body : null;
    const htmlSource = html ? 'response' : 'dom';
    if (!html) html = await page.content();
    const htmlFile = path.join(this.dir, `${base}.html`);
    const screenshot = path.join(this.dir, `${base}.png`);
    fs.writeFileSync(htmlFile, html);
    const shotStarted = Date.now();
    await page.screenshot({ path: screenshot, fullPage: true });
    const shotMs = Date.now() - shotStarted;

    const issues = [];
    const actualStatus = document?.status;
    if (status !== null && actualStatus !== undefined && actualStatus !== status) {
      issues.push(`HTTP status ${actualStatus}, expected ${status}`);
    }
    const title = (await page.title()).trim();
    if (!title) issues.push('the <title> is empty');
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) issues.push(`${h1} <h1> elements; a page has exactly one`);
    const htmlLang = await page.locator('html').getAttribute('lang');
    if (lang && htmlLang !== lang) issues.push(`<html lang="${htmlLang}">, expected "${lang}"`);
    issues.push(...this.problems.splice(0));

    let axe = [];
    let axeTwinOf = null;
    const axeStarted = Date.now();
    try {
      ({ axe, twinOf: axeTwinOf } = await this.auditOnce(page, html, htmlSource, htmlFile));
    } catch (error) {
      issues.push(`axe could not run: ${firstLine(error)}`);
    }

    const axeMs = Date.now() - axeStarted;
    issues.push(...(await this.checkLists()));
    issues.push(...(await this.checkPhone()));
    this.results.pages.push({
      variant: this.variant,
      journey: this.journey,
      step: this.currentStep,
      name,
      url: page.url(),
      status: actualStatus,
      htmlFile,
      screenshot,
      axe,
      axeTwinOf,
      issues,
    });
    const found = [axe.length && `${axe.length} axe violation(s)`, issues.length && `${issues.length} problem(s)`].filter(Boolean);
    this.log(
      `    checked ${base} ${new URL(page.url()).pathname} (screenshot ${shotMs} ms, ${axeTwinOf ? 'axe as its twin' : `axe ${axeMs} ms`})` +
        (found.length ? ` — ${found.join(', ')}` : ''),
    );
    return { axe, issues };
  }

  /**
   * axe once per distinct page (lib/skeleton.mjs): the first page with a
   * skeleton is audited; a later one with the same skeleton, in any variant,
   * takes its result and names it. The promise is kept, not the result, so
   * two variants reaching the same page at once still run axe once.
   */
  async auditOnce(page, html, htmlSource, htmlFile) {
    const dom = this.js ? await page.content() : html;
    const key = `${this.js ? 'js' : 'nojs'}:${skeletonKey(dom)}`;
    const known = audits.get(key);
    if (known) return { axe: (await known.run).slice(), twinOf: known.htmlFile };
    const run = runAxe(page, { js: this.js, auditContext: this.auditContext, html: htmlSource === 'response' ? html : null });
    audits.set(key, { run, htmlFile });
    // A failed run is not a result to share: the next twin audits for itself.
    run.catch(() => audits.delete(key));
    return { axe: await run, twinOf: null };
  }

  /**
   * Lists made of cards or notifications draw their own separation; a bullet
   * beside each card is a stylesheet that forgot them (seen on the events and
   * library lists). Prose lists keep their bullets.
   */
  async checkLists() {
    const stray = await this.page.evaluate(() =>
      [...document.querySelectorAll('li.card, li.notification')]
        .filter((li) => {
          const style = getComputedStyle(li);
          return style.display === 'list-item' && style.listStyleType !== 'none';
        })
        .map((li) => li.parentElement.className || li.parentElement.tagName),
    );
    return [...new Set(stray)].map((list) => `list items with bullets beside cards (in "${list}")`);
  }

  /**
   * The page as a phone shows it (390 × 844): nothing scrolls sideways and the
   * main content (main's h1) starts on the first screen, i.e. the header and
   * what comes before the heading do not fill the screen. The viewport is
   * resized for the measurement and restored; no screenshot and no axe run, so
   * it stays cheap.
   */
  async checkPhone() {
    const page = this.page;
    const before = page.viewportSize();
    const issues = [];
    await page.setViewportSize(PHONE);
    try {
      const layout = await page.evaluate(() => {
        const h1 = document.querySelector('main h1') ?? document.querySelector('h1');
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          innerHeight: window.innerHeight,
          h1Top: h1 ? h1.getBoundingClientRect().top + window.scrollY : null,
        };
      });
      if (layout.scrollWidth > layout.innerWidth) {
        issues.push(`at ${PHONE.width} px wide the page scrolls sideways (${layout.scrollWidth} px wide)`);
      }
      if (layout.h1Top !== null && layout.h1Top >= layout.innerHeight) {
        issues.push(`at ${PHONE.width}×${PHONE.height} the <h1> starts at ${Math.round(layout.h1Top)} px, below the first screen`);
      }
    } finally {
      if (before) await page.setViewportSize(before);
    }
    return issues;
  }

  // --- Doing things (the helpers of actions.mjs, bound to this page) -----

  /** Opens a path (relative to BASE_URL). Use it only for a page no link leads to. */
  goto(path) {
    return actions.visit(this.page, path);
  }
  fillForm(fields, options) {
    return actions.fillForm(this.page, fields, options);
  }
  submit(button, options) {
    return actions.submit(this.page, this.say(button), options);
  }
  followLink(link, options) {
    return actions.followLink(this.page, this.say(link), options);
  }
  switchLanguage(lang = this.lang) {
    return actions.switchLanguage(this.page, lang);
  }
  expectHeading(text, options) {
    return actions.expectHeading(this.page, this.say(text), options);
  }
  expectText(text, options) {
    return actions.expectText(this.page, this.say(text), options);
  }
  expectNoText(text, options) {
    return actions.expectNoText(this.page, this.say(text), options);
  }
  expectPath(path) {
    return actions.expectPath(this.page, path);
  }
  expectLanguage(lang = this.lang) {
    return actions.expectLanguage(this.page, lang);
  }
  expectFlash(text) {
    return actions.expectFlash(this.page, this.say(text));
  }
  expectFieldError(name, text) {
    return actions.expectFieldError(this.page, name, text === undefined ? undefined : this.say(text));
  }

  /**
   * The text for the language under test: t.say({ sr: 'Prijava', en: 'Sign in' })
   * (Cyrillic is derived from `sr`), or { 'sr-Latn', 'sr-Cyrl', en }; a plain
   * string or RegExp is returned as it is.
   */
  say(texts) {
    return texts && typeof texts === 'object' && !(texts instanceof RegExp) ? textFor(this.lang, texts) : texts;
  }

  // --- Test data and mail ------------------------------------------------

  /** A name unique to this run, variant and journey: unique('ana') → "ana-sr-cyrl-nojs-lx3k9a". */
  unique(prefix) {
    return `${prefix}-${this.variant.toLowerCase()}-${this.results.runId}`;
  }

  /** A unique e-mail address: email('ana') → "ana-sr-cyrl-nojs-lx3k9a@example.org". */
  email(prefix) {
    return `${this.unique(prefix)}@example.org`;
  }

  /** The mail files there are now (pass as `after` to only accept later mail). */
  mailSnapshot() {
    return mailSnapshot(this.mailDir);
  }

  /** Waits for a new e-mail (see lib/mail.mjs) and returns { to, subject, text, html }. */
  waitForMail(options = {}) {
    return waitForMail({ dir: this.mailDir, ...options });
  }

  /** Waits for a new e-mail with a link matching `pattern` and returns the URL,
   *  e.g. await t.latestMailLink('/verify/', { to: address }). */
  latestMailLink(pattern, options = {}) {
    return latestMailLink(pattern, { dir: this.mailDir, ...options });
  }

  // --- Internals ---------------------------------------------------------

  watch() {
    const page = this.page;
    page.on('response', (response) => {
      const request = response.request();
      const status = response.status();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        if (status >= 300 && status < 400) return;
        this.lastDocument = { url: response.url(), status, body: response.text().catch(() => null) };
        this.problems = [];
      } else if (status >= 400) {
        this.problems.push(`${request.resourceType()} ${response.url()} answered ${status}`);
      }
    });
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText || 'failed';
      if (request.isNavigationRequest() || failure.includes('ERR_ABORTED')) return;
      this.problems.push(`${request.resourceType()} ${request.url()} failed: ${failure}`);
    });
    page.on('pageerror', (error) => this.problems.push(`script error: ${firstLine(error)}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // The browser's own line about a document's error status is expected on error pages.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(text)) return;
      this.results.console.push({ variant: this.variant, journey: this.journey, url: page.url(), text });
    });
  }

  async saveEvidence(prefix) {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const base = path.join(this.dir, `${prefix}-${String(this.counter.value).padStart(2, '0')}`);
      await this.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
      fs.writeFileSync(`${base}.dom.html`, await this.page.content());
      return { url: this.page.url(), screenshot: `${base}.png` };
    } catch {
      return { url: this.page.url() };
    }
  }
}

export function slug(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'page';
}

export function firstLine(error) {
  return String(error?.message || error).split('\n')[0];
}
