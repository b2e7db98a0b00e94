// Entry point of the browser tests: every journey in journeys/ runs in the
// three interface languages with JavaScript on and off, each page is checked
// (axe, Nu Html Checker, house rules) and a report is printed. Exits non-zero
// when anything failed.
//
// `cargo test --test browser` (tests/browser.rs) starts `kolega serve` on a
// fresh database and runs this with BASE_URL, OUTPUT_DIR and MAIL_DIR set.
// By hand, against a running server (mail tests need MAIL_DIR = its data/mail):
//
//   BASE_URL=http://127.0.0.1:8080 MAIL_DIR=data/mail node tests/browser/run.mjs
//
// Journeys that need a site moderator (journeys/library.mjs) create one with
// `kolega create-user`; by hand, also set KOLEGA_BIN (e.g. target/debug/kolega)
// and the server's DATABASE_URL.
//
// Narrow a run while working on a journey:
//   BROWSER_JOURNEYS=visitor BROWSER_LANGUAGES=en BROWSER_JS=off   (on | off)
//
// ── Adding a journey ──────────────────────────────────────────────────────
// One file in journeys/, e.g. journeys/member.mjs (files run in name order;
// each journey gets a fresh browser context, so it starts signed out):
//
//   export const title = 'a practitioner joins and finds colleagues';
//   export default async function member(t) {
//     const email = t.email('ana');              // unique per run and variant
//     await t.step('register', async () => {
//       await t.goto('/');
//       await t.switchLanguage();                // to t.lang, via the header form
//       await t.followLink({ sr: 'Učlanite se', en: 'Join' });
//       await t.fillForm({ name: 'Ana Petrović', email, password: 'duga-lozinka-123',
//                          accept_guidelines: true, profession: 'social-worker' });
//       await t.submit({ sr: 'Učlani se', en: 'Join' });
//       await t.expectHeading({ sr: 'Proverite e-poštu', en: 'Check your e-mail' });
//       await t.check('registered');             // axe + HTML + screenshot
//     });
//     await t.step('verify the address from the e-mail', async () => {
//       const link = await t.latestMailLink('/verify/', { to: email });
//       await t.goto(link);
//       await t.check('verified');
//     });
//   }
//
// `t` (lib/session.mjs): t.lang, t.js, t.page (Playwright), t.step(name, fn),
// t.check(name, { status }), t.goto(path), t.followLink(text | selector),
// t.fillForm({ name: value }), t.submit(text | selector), t.switchLanguage(),
// t.expectHeading / expectText / expectNoText / expectPath / expectLanguage /
// expectFlash / expectFieldError(name, text), t.say({ sr, en }) (Cyrillic is
// derived from `sr`), t.unique(prefix), t.email(prefix), t.waitForMail({ to }),
// t.latestMailLink(pattern, { to }). The same helpers take a page as their
// first argument in lib/actions.mjs and lib/mail.mjs. Texts given as
// { sr, en } are picked for the language under test. Export
// `skip = (variant) => 'reason' | false` to leave out a variant.

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
