// Settings shared by the whole browser-test harness. Everything that a run
// needs from outside comes from the environment (set by tests/browser.rs).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BROWSER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BROWSER_DIR, '..', '..');

/** The three interface languages, in the order they are run. */
export const LANGUAGES = ['sr-Latn', 'sr-Cyrl', 'en'];

/** Each journey starts in another language than the one under test, so the
 *  switch to it is a real change (set through the browser's Accept-Language). */
export const START_LANGUAGE = { 'sr-Latn': 'en', 'sr-Cyrl': 'sr-Latn', en: 'sr-Latn' };

/** What the browser sends as Accept-Language to land in a language. */
export const ACCEPT_LANGUAGE_LOCALE = { 'sr-Latn': 'sr-Latn-RS', 'sr-Cyrl': 'sr-Cyrl-RS', en: 'en-GB' };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** We run as root in CI (hence --no-sandbox); without the background flags
 *  Chromium keeps trying to reach Google on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** WCAG 2.2 AA, as the architecture asks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const VNU_JAR = path.join(BROWSER_DIR, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** A phone-ish and a desktop viewport would double the run; one laptop-sized
 *  viewport keeps it fast. Full-page screenshots show everything anyway. */
export const VIEWPORT = { width: 1280, height: 800 };

export const TIMEOUTS = {
  /** One click, fill or expectation. */
  action: 10_000,
  /** One navigation. */
  navigation: 20_000,
  /** Waiting for an e-mail the mail worker writes (it polls every second in tests). */
  mail: 20_000,
  /** The whole run, as a last resort against a hang. */
  run: 30 * 60_000,
};

/** Language × JavaScript combinations run at the same time (one browser,
 *  separate contexts). Chromium spreads each over several processes, so three keep two cores busy. */
export const CONCURRENCY = Math.max(1, Number(process.env.BROWSER_CONCURRENCY || 3));

export function settingsFromEnvironment(env = process.env) {
  const baseUrl = (env.BASE_URL || '').replace(/\/+$/, '');
  if (!baseUrl) {
    throw new Error('BASE_URL is not set (e.g. BASE_URL=http://127.0.0.1:8080); `cargo test --test browser` sets it');
  }
  const outputDir = path.resolve(env.OUTPUT_DIR || path.join(REPO_DIR, 'test-output', 'browser'));
  const only = (name) => (env[name] || '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    baseUrl,
    outputDir,
    mailDir: env.MAIL_DIR ? path.resolve(env.MAIL_DIR) : null,
    /** BROWSER_JOURNEYS=visitor,member runs only those journeys (by file name). */
    journeys: only('BROWSER_JOURNEYS'),
    /** BROWSER_LANGUAGES=en runs only those languages. */
    languages: only('BROWSER_LANGUAGES'),
    /** BROWSER_JS=on or off runs only that half. */
    js: env.BROWSER_JS || '',
  };
}
