// The README's gallery: the main pages of a demo Kolega, as a phone (390 px)
// and a desktop (1280 px) show their first screen, written as small PNGs to
// docs/screens/. Not a test: run it by hand after a visible change, against a
// server with the demo content (see docs/screens/README.md).
//
//   node tests/browser/gallery.mjs http://127.0.0.1:8080

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser } from './lib/browser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screens');
const member = { email: process.env.GALLERY_EMAIL ?? 'jelena.stojanovic@kolega.example', password: process.env.KOLEGA_DEMO_PASSWORD ?? 'kolega-demo-2026' };

// [file name, path, signed in?]
const pages = [
  ['home', '/', false],
  ['services', '/services', false],
  ['library', '/library', false],
  ['events', '/events', false],
  ['groups', '/groups', true],
  ['home-member', '/', true],
];
const screens = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
];

const browser = await launchBrowser();
try {
  for (const [screen, viewport] of screens) {
    for (const signedIn of [false, true]) {
      const context = await browser.newContext({ viewport, locale: 'sr-RS', timezoneId: 'Europe/Belgrade', colorScheme: 'light', deviceScaleFactor: 1 });
      const page = await context.newPage();
      if (signedIn) {
        await page.goto(`${base}/login`);
        await page.fill('input[name=email]', member.email);
        await page.fill('input[name=password]', member.password);
        await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
        if (new URL(page.url()).pathname === '/login') throw new Error(`cannot sign in as ${member.email}: is the demo content there?`);
      }
      for (const [name, address, needsMember] of pages) {
        if (needsMember !== signedIn) continue;
        await page.goto(`${base}${address}`);
        const file = path.join(out, `${name}-${screen}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
