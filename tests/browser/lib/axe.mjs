// The accessibility check: axe-core with the WCAG 2.2 AA rule tags.
//
// axe needs JavaScript in the page (its run is asynchronous), and a context
// created with `javaScriptEnabled: false` cannot run it. For a page seen
// with JavaScript off we therefore audit a twin: the very HTML the server
// sent is served again, at the same address, to a page of a JavaScript-on
// "audit" context, with `Content-Security-Policy: script-src 'none'` so none
// of the page's own scripts run and <noscript> content shown — the DOM is the
// one the JS-off visitor got, styled by the same stylesheet, at the same
// viewport. (Switching script execution back on in the JS-off page over a CDP
// session does not work: Playwright's own session keeps it disabled.)

import { AxeBuilder } from '@axe-core/playwright';

import { AXE_TAGS } from './config.mjs';

/**
 * Runs axe on `page` and returns its violations in a compact form:
 * [{ id, impact, help, helpUrl, nodes: [{ target, html, summary }] }].
 */
export async function runAxe(page, { js, auditContext, html }) {
  if (js) {
    return compact(await analyze(page));
  }
  const twin = await twinPage(auditContext);
  const address = page.url().split('#')[0];
  twin.pending.set(address, unwrapNoscript(html ?? (await page.content())));
  try {
    await twin.page.goto(address, { waitUntil: 'load' });
  } finally {
    twin.pending.delete(address);
  }
  return compact(await analyze(twin.page));
}

/**
 * The twin runs with scripting on, where <noscript> content is not rendered;
 * the JS-off visitor sees it, so it is unwrapped into an element that lays
 * out as if it were not there.
 */
function unwrapNoscript(html) {
  return html
    .replace(/<noscript(\s[^>]*)?>/gi, '<kolega-noscript style="display: contents">')
    .replace(/<\/noscript\s*>/gi, '</kolega-noscript>');
}

/**
 * One twin page per audit context, reused page after page. Its route stays
 * in place for the page's life: it answers the twin's navigation with the
 * pending HTML and lets everything else (stylesheet, images) through to the
 * server. (Adding and removing a route per page — `times: 1` — left a
 * stylesheet request paused forever now and then.)
 */
const twins = new WeakMap();
async function twinPage(auditContext) {
  let twin = twins.get(auditContext);
  if (!twin || twin.page.isClosed()) {
    const page = await auditContext.newPage();
    const pending = new Map();
    await page.route('**/*', (route) => {
      const request = route.request();
      const body = request.isNavigationRequest() ? pending.get(request.url().split('#')[0]) : undefined;
      if (body === undefined) return route.continue();
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "script-src 'none'" },
        body,
      });
    });
    twin = { page, pending };
    twins.set(auditContext, twin);
  }
  return twin;
}

/**
 * Legacy mode runs axe.run() in the page itself instead of runPartial() in
 * every frame plus finishRun() in an extra blank page: half the time, and
 * the only difference is that cross-origin iframes would not be audited
 * (Kolega's pages have none).
 */
async function analyze(page) {
  return new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
}

function compact(results) {
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' → '),
      html: node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html,
      summary: (node.failureSummary || '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}
