// Headless Chromium from Debian's `chromium` package, driven by playwright-core
// (which never downloads a browser of its own).

import fs from 'node:fs';
import { chromium } from 'playwright-core';

import { ACCEPT_LANGUAGE_LOCALE, CHROMIUM_ARGS, CHROMIUM_PATH, TIMEOUTS, VIEWPORT } from './config.mjs';

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    // The flags above already say --headless; playwright would add its own.
    headless: true,
    timeout: 60_000,
  });
}

/**
 * A fresh browser context: its own cookies, JavaScript on or off, the
 * browser's language (Accept-Language) set to `acceptLanguage`.
 * `clientAddress` goes out as X-Forwarded-For: the test server trusts it
 * (KOLEGA_TRUST_PROXY=true), so each context is its own visitor for the
 * per-address limits (sign-in attempts) even though all come from 127.0.0.1.
 */
export async function newContext(browser, { js, acceptLanguage, baseUrl, clientAddress }) {
  const context = await browser.newContext({
    extraHTTPHeaders: clientAddress ? { 'x-forwarded-for': clientAddress } : {},
    javaScriptEnabled: js,
    baseURL: baseUrl,
    locale: ACCEPT_LANGUAGE_LOCALE[acceptLanguage] || acceptLanguage,
    timezoneId: 'Europe/Belgrade',
    viewport: VIEWPORT,
    // Pages must not depend on the browser's own colour scheme for contrast.
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUTS.action);
  context.setDefaultNavigationTimeout(TIMEOUTS.navigation);
  return context;
}
