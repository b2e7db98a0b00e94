// Runs every journey in every variant (language × JavaScript on/off), then
// the Nu Html Checker once over every saved page, and reports.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser, newContext } from './browser.mjs';
import { CONCURRENCY, LANGUAGES, START_LANGUAGE, TIMEOUTS } from './config.mjs';
import { printReport, writeReport } from './report.mjs';
import { JourneyAborted, Session, firstLine } from './session.mjs';
import { runVnu } from './vnu.mjs';

const OUTPUT_MARKER = '.kolega-browser-output';

/** Journey modules from a folder, in file-name order: [{ name, title, run, skip }]. */
export async function loadJourneys(folder, only = []) {
  const files = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.mjs'))
    .sort();
  const journeys = [];
  for (const file of files) {
    const name = file.replace(/\.mjs$/, '').replace(/^\d+[-_]/, '');
    if (only.length && !only.includes(name)) continue;
    const module = await import(pathToFileURL(path.join(folder, file)).href);
    if (typeof module.default !== 'function') {
      throw new Error(`${file}: a journey exports its steps as \`export default async function (t) { … }\``);
    }
    journeys.push({ name, title: module.title || name, run: module.default, skip: module.skip });
  }
  if (only.length && journeys.length === 0) throw new Error(`no journey named ${only.join(', ')} in ${folder}`);
  return journeys;
}

export function variants(settings) {
  const languages = settings.languages.length ? settings.languages : LANGUAGES;
  const jsModes = settings.js === 'on' ? [true] : settings.js === 'off' ? [false] : [true, false];
  const list = [];
  for (const lang of languages) {
    if (!LANGUAGES.includes(lang)) throw new Error(`unknown language ${lang} (known: ${LANGUAGES.join(', ')})`);
    for (const js of jsModes) {
      list.push({ lang, js, startLang: START_LANGUAGE[lang], name: `${lang}-${js ? 'js' : 'nojs'}`, index: list.length });
    }
  }
  return list;
}

/** Runs everything and returns the process exit code (0: all passed). */
export async function runAll({ settings, journeys }) {
  const started = Date.now();
  prepareOutput(settings.outputDir);
  const results = {
    runId: Date.now().toString(36),
    baseUrl: settings.baseUrl,
    steps: [],
    pages: [],
    journeys: [],
    console: [],
    vnu: [],
    errors: [],
    timings: {},
  };
  const list = variants(settings);
  console.log(
    `browser tests: ${journeys.length} journey(s) × ${list.length} variant(s) against ${settings.baseUrl}; output in ${settings.outputDir}`,
  );

  const watchdog = setTimeout(() => {
    results.errors.push(`the run took longer than ${TIMEOUTS.run / 60_000} minutes and was stopped`);
    finish(results, settings, started).then((code) => process.exit(code || 1));
  }, TIMEOUTS.run);
  watchdog.unref();

  let browser;
  try {
    browser = await launchBrowser();
    results.browserVersion = browser.version();
    const queue = [...list];
    const worker = async () => {
      for (let variant; (variant = queue.shift()); ) {
        await runVariant(browser, variant, journeys, results, settings);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
  } catch (error) {
    results.errors.push(`the browser run failed: ${error?.stack || error}`);
  } finally {
    await browser?.close().catch(() => {});
  }
  results.timings.browserMs = Date.now() - started;

  const vnuStarted = Date.now();
  try {
    const files = [...new Set(results.pages.map((p) => p.htmlFile))];
    results.vnu = (await runVnu(files)).messages;
  } catch (error) {
    results.errors.push(`HTML validation could not run: ${firstLine(error)}`);
  }
  results.timings.vnuMs = Date.now() - vnuStarted;
  clearTimeout(watchdog);
  return finish(results, settings, started);
}

async function finish(results, settings, started) {
  results.timings.totalMs = Date.now() - started;
  writeReport(results, settings.outputDir);
  return printReport(results, settings.outputDir) ? 0 : 1;
}

async function runVariant(browser, variant, journeys, results, settings) {
  const counter = { value: 0 };
  // axe needs JavaScript: JS-off pages are audited as twins in this context.
  const auditContext = variant.js
    ? null
    : await newContext(browser, { js: true, acceptLanguage: variant.lang, baseUrl: settings.baseUrl, clientAddress: `10.99.${variant.index}.250` });
  try {
    for (const [journeyIndex, journey] of journeys.entries()) {
      const reason = journey.skip?.(variant);
      if (reason) {
        console.log(`[${variant.name}] ${journey.name}: skipped (${reason})`);
        continue;
      }
      const startedJourney = Date.now();
      const context = await newContext(browser, {
        js: variant.js,
        acceptLanguage: variant.startLang,
        baseUrl: settings.baseUrl,
        // A visitor of its own per variant and journey (see newContext).
        clientAddress: `10.99.${variant.index}.${(journeyIndex % 240) + 1}`,
      });
      const record = { variant: variant.name, journey: journey.name, title: journey.title, ok: true, ms: 0, order: [variant.index, journeyIndex] };
      results.journeys.push(record);
      console.log(`[${variant.name}] ${journey.name}: ${journey.title}`);
      try {
        const page = await context.newPage();
        const t = new Session({ page, context, auditContext, variant, journey: journey.name, results, settings, counter });
        await journey.run(t);
      } catch (error) {
        record.ok = false;
        if (!(error instanceof JourneyAborted)) {
          // An error outside t.step(): record it as a step of its own.
          results.steps.push({ variant: variant.name, journey: journey.name, step: '(outside a step)', ok: false, ms: 0, error: String(error?.stack || error) });
          console.log(`[${variant.name}] ${journey.name}: ✗ ${firstLine(error)}`);
        }
      } finally {
        record.ms = Date.now() - startedJourney;
        await context.close().catch(() => {});
      }
    }
  } finally {
    await auditContext?.close().catch(() => {});
  }
}

/** Empties the output folder — only one this harness made (it leaves a marker). */
function prepareOutput(dir) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!fs.existsSync(path.join(dir, OUTPUT_MARKER))) {
      throw new Error(`OUTPUT_DIR ${dir} is not empty and was not made by the browser tests; choose another folder`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, OUTPUT_MARKER), 'made by tests/browser; emptied at the start of every run\n');
}
