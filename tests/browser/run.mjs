// Entry point of the browser tests: every journey in journeys/ runs in the
// three interface languages with JavaScript on and off, each page is checked
// (axe, Nu Html Checker, house rules) and a report is printed. Exits non-zero
// when anything failed.
//
//   BASE_URL=http://127.0.0.1:8080 OUTPUT_DIR=test-output/browser node tests/browser/run.mjs
//
// `cargo test --test browser` starts a server on a fresh database and runs
// this with BASE_URL, OUTPUT_DIR and MAIL_DIR set. To narrow a run while
// working on a journey: BROWSER_JOURNEYS=visitor BROWSER_LANGUAGES=en BROWSER_JS=off.

import path from 'node:path';

import { BROWSER_DIR, settingsFromEnvironment } from './lib/config.mjs';
import { loadJourneys, runAll } from './lib/runner.mjs';

try {
  const settings = settingsFromEnvironment();
  const journeys = await loadJourneys(path.join(BROWSER_DIR, 'journeys'), settings.journeys);
  process.exitCode = await runAll({ settings, journeys });
} catch (error) {
  console.error(`browser tests could not run: ${error?.stack || error}`);
  process.exitCode = 2;
}
