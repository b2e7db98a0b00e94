// Hostile input in a real browser (issue #9): a member puts script payloads
// into their profile, a group's name and description, a thread's title and
// body (Markdown), a reply, an event, a library submission and a service
// suggestion; then every page that shows them is opened, as the member and
// as a visitor, and no payload may run: no alert/confirm/prompt, no
// `window.__xss`, no CSP violation, no `javascript:` link, and the HTML the
// server sent carries no payload markup unescaped. With JavaScript off the
// script checks are trivially true, so the HTML checks carry the weight.

import { joinAndSignIn, signOut, start } from '../lib/people.mjs';

export const title = 'hostile input is shown as text and never runs';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const JS_LINK = 'javascript:window.__xss=1';
const MD_LINK = `[klik](${JS_LINK})`;
const HTML_LINK = `<a href="${JS_LINK}">klik</a>`;

/** Payload markup that only an unescaped payload puts into the HTML the server sent. */
const RAW = [/<script>window\.__xss/i, /<img src=x onerror/i];

/** In the page's DOM: elements a payload would have made (run in the page). */
function payloadElements() {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.tagName === 'SCRIPT' && el.textContent.includes('__xss')) found.push('a <script> with the payload');
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on') && value.includes('__xss')) found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && value.startsWith('javascript:')) {
        found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
  }
  return found;
}

export default async function hostile(t) {
  const word = `xssprobe${t.unique('h').replace(/[^a-z0-9]/g, '')}`;
  const member = {
    name: `Hostilni Clan ${t.variant}`,
    email: t.email('hostile'),
    profession: 'practitioner',
    country: 'RS',
    city: 'Novi Sad',
    institution: 'Centar za socijalni rad',
  };
  const dialogs = [];
  const problems = [];
  t.page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${t.page.url()}`);
    await dialog.dismiss().catch(() => {});
  });
  await t.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim());
    });
  });

  /** Checks the page as it is now: axe/Nu/house rules, then the payload checks. */
  async function inspect(name, { status = 200 } = {}) {
    await t.check(name, { status });
    const path = new URL(t.page.url()).pathname;
    const html = (await t.lastDocument?.body) || (await t.page.content());
    for (const pattern of RAW) {
      const match = html.match(pattern);
      if (match) problems.push(`${path}: unescaped payload ${JSON.stringify(match[0].slice(0, 120))}`);
    }
    for (const element of await t.page.evaluate(payloadElements)) problems.push(`${path}: ${element}`);
    if (t.js) {
      // A link that the Markdown made of the payload: click it, nothing may run.
      const klik = t.page.locator('main a', { hasText: /^klik$/ });
      if ((await klik.count()) > 0) {
        await klik.first().click({ timeout: 2000, noWaitAfter: true }).catch(() => {});
        await t.page.waitForLoadState('load');
      }
      const state = await t.page.evaluate(() => ({ xss: window.__xss, csp: window.__csp || [] }));
      if (state.xss !== undefined) problems.push(`${path}: a payload ran (window.__xss = ${state.xss})`);
      for (const violation of state.csp) problems.push(`${path}: CSP violation ${violation}`);
    }
    if (dialogs.length) problems.push(...dialogs.splice(0).map((d) => `${path}: dialog ${d}`));
    if (problems.length) throw new Error(`hostile input got through:\n${problems.join('\n')}`);
  }

  async function submitForm(action, fields) {
    await t.fillForm(fields, { within: `main form[action^="${action}"]` });
    await t.submit(`main form[action^="${action}"] button[type="submit"]`);
  }

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));
  await t.step('a member joins Kolega and signs in', () => joinAndSignIn(t, member));

  await t.step('the member puts payloads into their profile', async () => {
    await t.goto('/settings');
    await submitForm('/settings/profile', {
      institution: `Centar ${IMG}`,
      city: `Grad ${SCRIPT}`,
      expertise: `${word} ${HTML_LINK}`,
      bio: `${word} ${SCRIPT} ${IMG} ${MD_LINK} ${HTML_LINK}`,
      listed_in_directory: true,
    });
    await inspect('profile-saved');
  });

  let group;
  await t.step('the member opens a group with payloads in its name and description', async () => {
    await t.goto('/groups/new');
    await submitForm('/groups/new', {
      name: `Grupa ${word} ${IMG}`,
      description: `${word} ${SCRIPT} ${IMG} ${MD_LINK} ${HTML_LINK}`,
      visibility: 'public',
      language: 'sr',
      topics: `${word} ${IMG}`,
    });
    await t.expectPath(/^\/groups\/[a-z0-9-]+$/);
    group = new URL(t.page.url()).pathname;
    await inspect('group-opened');
  });

  let thread;
  await t.step('the member starts a thread and replies, with payloads', async () => {
    await t.goto(`${group}/new-thread`);
    await submitForm(`${group}/new-thread`, {
      title: `Tema ${word} ${SCRIPT}`,
      body: `${word} ${IMG}\n\n${SCRIPT}\n\n${MD_LINK}\n\n${HTML_LINK}\n\n<${JS_LINK}>`,
    });
    await t.expectPath(/^\/groups\/[a-z0-9-]+\/t\/[0-9a-f-]+$/);
    thread = new URL(t.page.url()).pathname;
    await inspect('thread-started');
    await submitForm(`${thread}/reply`, { body: `Odgovor ${word} ${IMG} ${MD_LINK}` });
    await inspect('thread-replied');
  });

  let event = null;
  await t.step('the member, the group’s moderator, announces a group event with payloads', async () => {
    const response = await t.goto('/events/new');
    if (response.status() !== 200) return; // not an organiser here: nothing to announce
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await submitForm('/events/new', {
      title: `Dogadjaj ${word} ${SCRIPT}`,
      description: `${word} ${IMG} ${MD_LINK} ${HTML_LINK}`,
      start_date: day,
      start_time: '18:00',
      end_time: '19:30',
      speakers: `Predavac ${IMG}`,
      place_address: `Adresa ${SCRIPT}`,
      city: `Grad ${IMG}`,
    });
    const path = new URL(t.page.url()).pathname;
    if (/^\/events\/[0-9a-f-]{36}$/.test(path)) event = path;
    await inspect('event-announced', { status: null });
  });

  let resource = null;
  await t.step('the member submits a library resource with payloads', async () => {
    await t.goto('/library/new');
    await t.fillForm({
      title: `Smernice ${word} ${SCRIPT}`,
      summary: `${word} ${IMG} ${MD_LINK} ${HTML_LINK}`,
      kind: 'guideline',
      language: 'sr',
      script: 'latin',
      audiences: 'professionals',
      source_org: `Izvor ${IMG}`,
      authors: `Autor ${SCRIPT}`,
      file: { name: 'smernice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    });
    await t.submit('main form[action^="/library/new"] button[type="submit"]');
    const path = new URL(t.page.url()).pathname;
    if (/^\/library\/[0-9a-f-]{36}$/.test(path)) resource = path;
    await inspect('library-submitted', { status: null });
  });

  await t.step('the member suggests a service with payloads', async () => {
    await t.goto('/services/new');
    const municipality = await t.page
      .locator('select#municipality option')
      .evaluateAll((options) => options.map((o) => o.value).find((v) => v));
    await submitForm('/services/new', {
      organization_name: `Udruzenje ${word} ${IMG}`,
      name: `Usluga ${word} ${SCRIPT}`,
      description: `${IMG} ${MD_LINK}`,
      kind: 'counselling',
      target_groups: 'violence-victims',
      phone: '+381 11 123 4567',
      municipality,
      note: `${SCRIPT} ${HTML_LINK}`,
    });
    await inspect('service-suggested', { status: null });
  });

  const pages = () => [
    ['home', '/'],
    ['groups', '/groups'],
    ['group', group],
    ['thread', thread],
    ['search', `/search?q=${word}`],
    ['events', '/events'],
    ...(event ? [['event', event]] : []),
    ['library', '/library'],
  ];

  await t.step('the member opens every page that shows the payloads', async () => {
    await t.goto('/members');
    const mine = t.page.locator('main a[href^="/members/"]', { hasText: member.name });
    if ((await mine.count()) > 0) {
      await t.followLink(`main a[href^="/members/"]:has-text("${member.name}")`);
      await inspect('member-profile');
    }
    await t.goto(`/members?q=${word}`);
    await inspect('member-directory');
    for (const [name, path] of pages()) {
      await t.goto(path);
      await inspect(`member-${name}`);
    }
    if (resource) {
      await t.goto(resource);
      await inspect('member-library-item');
    }
  });

  await t.step('a visitor opens the public pages that show them', async () => {
    await signOut(t);
    for (const [name, path] of pages()) {
      const response = await t.goto(path);
      await inspect(`visitor-${name}`, { status: response.status() });
    }
  });
}
