// The service map. The test server starts on an empty database, so the
// journey first makes its own entries the way they are made in use: a
// verified member suggests two shelters for victims of violence (one in
// Vranje, one in Niš) and a counselling service in Vranje at /services/new,
// and a moderator accepts each suggestion at /services/review. Then a visitor,
// signed out, looks for the nearest shelter from Bujanovac: the Vranje
// shelter comes first with its distance, the counselling service (another
// kind) is not listed, and the visitor calls it (a tel: link) from the list
// and from the service's page, which says that the address is confidential.
// With JavaScript the map shows the results as markers (the test server has
// no tiles: KOLEGA_MAP_TILES_URL=off) and "Use my location" orders the list
// from the browser's position — or says why it cannot.

import { randomBytes } from 'node:crypto';

import {
  createModerator,
  joinAndSignIn,
  person,
  signInAndSwitchLanguage,
  signOut,
  start,
  typed,
} from '../lib/people.mjs';

export const title = 'a visitor finds the nearest shelter for victims of violence from a municipality and calls it';

const SERVICES = { sr: 'Mapa usluga', en: 'Service map' };
const SERVICES_HEADING = { sr: 'Mapa socijalnih usluga', en: 'Map of social services' };
const NEW_SERVICE = { sr: 'Predložite novu uslugu', en: 'Suggest a new service' };
const REVIEW = { sr: 'Pregled predloga za mapu usluga', en: 'Service map suggestions' };
const SEARCH = { sr: 'Traži', en: 'Search' };
const CONFIDENTIAL = {
  sr: 'Adresa se ne objavljuje radi bezbednosti korisnika. Pozovite telefon iznad.',
  en: 'The address is not published, for the safety of the people it protects. Call the number above.',
};

/** Seats of the municipalities (src/directory/reference/municipalities.csv). */
const SEATS = {
  Bujanovac: { cyrl: 'Бујановац', lat: 42.4592, lon: 21.7658 },
  Vranje: { cyrl: 'Врање', lat: 42.5514, lon: 21.9003 },
  'Niš': { cyrl: 'Ниш', lat: 43.3209, lon: 21.8954 },
};

/**
 * A word unique to this variant and run: the six variants' entries share
 * one directory, and the visitor's search is narrowed to this variant's by
 * it. Letters whose Cyrillic form turns back into the same word.
 */
function nonceWord() {
  const letters = 'abdefgikmoprstuv';
  return [...randomBytes(8)].map((byte) => letters[byte % letters.length]).join('');
}

/** Great-circle distance in km, as src/directory/search.rs computes it. */
function distanceKm(a, b) {
  const rad = (deg) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "15 km", "9,8 km" (Serbian decimal comma), as the list shows it. */
function distanceText(t, km) {
  const text = km < 10 ? km.toFixed(1) : km.toFixed(0);
  return `${t.lang === 'en' ? text : text.replace('.', ',')} km`;
}

/** What a tel: link must dial: the digits, and a leading + (src/directory/forms.rs tel_href). */
function telHref(phone) {
  return `tel:${phone.trim().replace(/(?!^\+)[^0-9]/g, '')}`;
}

/** Fluent wraps arguments in invisible isolation marks; a reader does not see them. */
const visible = (text) => text.replace(/[\u2068\u2069]/g, '');

/** The value of the option of `select` whose text is the municipality `name` (either script, any suffix). */
async function municipalityValue(t, select, name) {
  const names = [name, SEATS[name].cyrl];
  const value = await t.page.locator(select).evaluate((el, names) => {
    const option = [...el.options].find((o) => names.some((n) => o.text.trim() === n || o.text.trim().startsWith(`${n} (`)));
    return option ? option.value : null;
  }, names);
  if (!value) throw new Error(`no option "${name}" in ${select} on ${t.page.url()}`);
  return value;
}

/**
 * The call link in `scope`: it dials `phone` (normalised), is visible and
 * takes the keyboard focus. "Calling" stays on the page: with JavaScript a
 * click on it is caught before the browser hands tel: to a phone app (and
 * the page must not have gone anywhere); without it the link is followed
 * as far as a browser goes without a phone, which leaves the page as it is.
 */
async function call(t, scope, phone) {
  const link = scope.locator('a[href^="tel:"]').first();
  if ((await scope.locator('a[href^="tel:"]').count()) === 0) throw new Error(`no tel: link in ${scope}`);
  const href = await link.getAttribute('href');
  if (href !== telHref(phone)) throw new Error(`the call link dials "${href}", expected "${telHref(phone)}" (from "${phone}")`);
  if (!(await link.isVisible())) throw new Error(`the call link ${href} is not visible`);
  const name = (await link.innerText()).trim();
  if (!name.includes(phone)) throw new Error(`the call link says "${name}", without the number ${phone}`);
  await link.focus();
  if (!(await link.evaluate((el) => el === document.activeElement))) throw new Error(`the call link ${href} does not take the focus`);
  const before = t.page.url();
  if (t.js) {
    await t.page.evaluate(() => {
      window.kolegaCalled = null;
      document.addEventListener(
        'click',
        (event) => {
          const a = event.target.closest('a[href^="tel:"]');
          if (!a) return;
          event.preventDefault();
          window.kolegaCalled = a.getAttribute('href');
        },
        { capture: true, once: true },
      );
    });
    // From the keyboard, as the focus is on it.
    await t.page.keyboard.press('Enter');
    const called = await t.page.evaluate(() => window.kolegaCalled);
    if (called !== href) throw new Error(`activating the call link dialled ${JSON.stringify(called)}, expected ${href}`);
  }
  if (t.page.url() !== before) throw new Error(`calling left the page for ${t.page.url()}`);
}

/** With JavaScript: the map is shown with `count` markers, not focusable, named after the services. */
async function expectMap(t, names) {
  const map = t.page.locator('#service-map');
  if (!t.js) {
    if (await map.isVisible()) throw new Error('the map is shown without JavaScript; only the list should be');
    return;
  }
  await map.waitFor({ state: 'visible' });
  const markers = map.locator('img.leaflet-marker-icon');
  await t.page.waitForFunction((n) => document.querySelectorAll('#service-map img.leaflet-marker-icon').length >= n, names.length);
  const alts = await markers.evaluateAll((els) => els.map((el) => el.getAttribute('alt')));
  for (const name of names) {
    if (!alts.includes(name)) throw new Error(`no marker for "${name}" on the map (markers: ${JSON.stringify(alts)})`);
  }
  const focusable = await markers.evaluateAll((els) => els.filter((el) => el.tabIndex >= 0).length);
  if (focusable) throw new Error(`${focusable} map marker(s) take the keyboard focus; the list has the links`);
  // The keyboard passes through: the zoom buttons, then out of the map.
  const zoomOut = map.locator('.leaflet-control-zoom-out');
  await zoomOut.focus();
  await t.page.keyboard.press('Tab');
  if (await t.page.evaluate(() => document.getElementById('service-map').contains(document.activeElement))) {
    throw new Error('Tab after the zoom buttons stays in the map');
  }
  const box = await map.boundingBox();
  if (!box || box.height < 150) throw new Error(`the map is ${box?.height}px high`);
  // KOLEGA_MAP_TILES_URL=off: markers on a plain background, no tile requests.
  if (await map.locator('img.leaflet-tile').count()) throw new Error('the map loads tiles, but the test server has none');
}

export default async function services(t) {
  const member = person(t, 2, 'practitioner', 'service-suggester');
  const moderator = person(t, 6, 'practitioner', 'service-moderator');
  const en = t.lang === 'en';
  // Typed in the script of the variant; the search finds either script.
  const nonce = typed(t, nonceWord());
  const near = {
    organization_name: typed(t, `Udruženje Iskra ${nonce} Vranje`),
    name: en ? `Safe house ${nonce}, Vranje` : typed(t, `Sigurna kuća ${nonce}, Vranje`),
    kind: 'shelter',
    municipality: 'Vranje',
    phone: '+381 17 400-100',
    confidential: true,
  };
  const far = {
    organization_name: typed(t, `Udruženje Oslonac ${nonce} Niš`),
    name: en ? `Shelter for women ${nonce}, Niš` : typed(t, `Prihvatilište za žene ${nonce}, Niš`),
    kind: 'shelter',
    municipality: 'Niš',
    phone: '018 / 200 300',
    confidential: true,
  };
  // Also for victims of violence and in Vranje, but another kind of service.
  const counselling = {
    organization_name: typed(t, `Savetovalište Most ${nonce} Vranje`),
    name: en ? `Counselling after violence ${nonce}, Vranje` : typed(t, `Savetovalište posle nasilja ${nonce}, Vranje`),
    kind: 'counselling',
    municipality: 'Vranje',
    phone: '017 123 456',
    confidential: false,
    address: typed(t, 'Kralja Milana 12'),
  };

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a practitioner joins Kolega and signs in', () => joinAndSignIn(t, member));

  for (const [index, service] of [near, far, counselling].entries()) {
    await t.step(`the practitioner suggests "${service.name}"`, async () => {
      await t.followLink(SERVICES, { within: 'nav.site-nav' });
      await t.expectPath('/services');
      // The link under the search form (an empty list has one too).
      await t.followLink(NEW_SERVICE, { within: 'main form.services-search + p' });
      await t.expectPath('/services/new');
      await t.expectHeading(NEW_SERVICE);
      if (index === 0) await t.check('service-new');
      await t.fillForm({
        organization_name: service.organization_name,
        name: service.name,
        kind: service.kind,
        target_groups: 'violence-victims',
        phone: service.phone,
        municipality: await municipalityValue(t, 'select#municipality', service.municipality),
        address_confidential: service.confidential,
        note: en ? 'From the municipality’s list of services.' : typed(t, 'Sa spiska usluga opštine.'),
      });
      if (service.address) await t.fillForm({ address: service.address });
      await t.submit({ sr: 'Pošalji predlog', en: 'Send the suggestion' }, { within: 'main' });
      await t.expectPath('/services');
      await t.expectFlash({ sr: 'Hvala! Predlog je poslat moderatorima.', en: 'Thank you! Your suggestion has gone to the moderators.' });
      // Not on the map until a moderator accepts it.
      await t.expectNoText(service.name, { within: 'main' });
      if (index === 0) await t.check('service-suggested');
    });
  }

  await t.step('the practitioner signs out', () => signOut(t));

  await t.step('a moderator accepts the three suggestions', async () => {
    await createModerator(moderator);
    await signInAndSwitchLanguage(t, moderator);
    for (const [index, service] of [near, far, counselling].entries()) {
      await t.followLink(SERVICES, { within: 'nav.site-nav' });
      await t.followLink(REVIEW, { within: 'main' });
      await t.expectPath('/services/review');
      await t.expectHeading(REVIEW);
      if (index === 0) await t.check('service-review');
      await t.followLink(t.say({ sr: `Nova usluga: ${service.name}`, en: `New service: ${service.name}` }), { within: 'main ul.suggestions' });
      await t.expectPath(/^\/services\/review\/[0-9a-f-]{36}$/);
      await t.expectHeading({ sr: 'Predlog', en: 'Suggestion' });
      if (index === 0) await t.check('service-suggestion');
      await t.submit({ sr: 'Prihvati i objavi', en: 'Accept and publish' }, { within: 'main' });
      await t.expectPath('/services/review');
      await t.expectFlash({ sr: 'Predlog je prihvaćen i član je obavešten.', en: 'The suggestion is accepted and the member has been told.' });
      await t.expectNoText(service.name, { within: 'main ul.suggestions, main .empty-state' });
    }
    await t.check('service-review-done');
    await signOut(t);
  });

  const fromNear = distanceKm(SEATS.Bujanovac, SEATS.Vranje);
  const fromFar = distanceKm(SEATS.Bujanovac, SEATS['Niš']);

  await t.step('a visitor looks for the nearest shelter for victims of violence from Bujanovac', async () => {
    await t.followLink(SERVICES, { within: 'nav.site-nav' });
    await t.expectPath('/services');
    await t.expectHeading(SERVICES_HEADING);
    await t.check('services');
    const form = 'main form.services-search';
    await t.fillForm(
      {
        q: nonce,
        kind: 'shelter',
        group: 'violence-victims',
        place: await municipalityValue(t, `${form} select[name="place"]`, 'Bujanovac'),
        mode: 'near',
      },
      { within: form },
    );
    await t.submit(SEARCH, { within: form });
    await t.expectPath(/^\/services\?/);
    await t.expectHeading(SERVICES_HEADING);
    // On a phone the filters fold; their summary names the ones in force.
    const summary = visible(await t.page.locator(`${form} details.filters > summary`).textContent()).trim();
    const filters = t.say({ sr: 'Filteri', en: 'Filters' });
    // The place is named in the reader's script (Бујановац on a Cyrillic page).
    const place = t.say({ sr: 'Bujanovac', en: 'Bujanovac' });
    if (!summary.startsWith(`${filters}: `) || !summary.includes(place) || !summary.endsWith('(3)')) {
      throw new Error(`expected the folded filters' summary to name the three filters in force, found "${summary}"`);
    }
    const ordered = visible(await t.page.locator('main p.muted').first().innerText());
    const expected = t.say({ sr: 'Poređano po udaljenosti od: Bujanovac', en: 'Ordered by distance from: Bujanovac' });
    if (!ordered.includes(expected)) throw new Error(`expected "${expected}" above the results, found "${ordered}"`);

    const results = t.page.locator('main ol.services > li');
    const names = (await results.locator('h2').allInnerTexts()).map((n) => n.trim());
    if (JSON.stringify(names) !== JSON.stringify([near.name, far.name])) {
      throw new Error(`expected the shelters nearest first, [${near.name}, ${far.name}], and no counselling service; the list has ${JSON.stringify(names)}`);
    }
    const first = results.first();
    await t.expectText(distanceText(t, fromNear), { within: 'main ol.services > li:first-child strong' });
    await t.expectText(distanceText(t, fromFar), { within: 'main ol.services > li:nth-child(2) strong' });
    await expectMap(t, [near.name, far.name]);
    if (t.js && !(await t.page.locator('p.near-me').isVisible())) throw new Error('"Use my location" is not offered with JavaScript on');
    if (!t.js && (await t.page.locator('p.near-me').isVisible())) throw new Error('"Use my location" is offered without JavaScript');
    await t.check('services-nearest-shelter');
    await call(t, first, near.phone);
  });

  await t.step('the visitor opens the nearest shelter and calls it from its page', async () => {
    await t.followLink(near.name, { within: 'main ol.services > li:first-child h2' });
    await t.expectPath(/^\/services\/[0-9a-f-]{36}$/);
    await t.expectHeading(near.name);
    await t.expectText(CONFIDENTIAL, { within: 'main' });
    await t.expectText(near.organization_name, { within: 'main' });
    await expectMap(t, [near.name]);
    await t.check('service-page');
    await call(t, t.page.locator('main ul.contacts').first(), near.phone);
  });

  if (t.js) {
    await t.step('"Use my location" says so when the browser does not share the position', async () => {
      await t.page.goBack({ waitUntil: 'load' });
      await t.expectPath(/^\/services\?/);
      await t.context.clearPermissions();
      await t.page.locator('[data-near-me="button"]').click();
      await t.expectText(
        { sr: 'Lokacija nije dostupna; izaberite opštinu sa liste.', en: 'Your location is not available; choose a municipality from the list.' },
        { within: '[data-near-me="status"]' },
      );
      await t.expectPath(/^\/services\?/);
    });

    await t.step('"Use my location" orders the shelters from the browser’s position', async () => {
      // Just outside Bujanovac, towards Vranje.
      const position = { latitude: 42.47, longitude: 21.78 };
      await t.context.grantPermissions(['geolocation'], { origin: t.baseUrl });
      await t.context.setGeolocation(position);
      const button = t.page.locator('[data-near-me="button"]');
      await Promise.all([t.page.waitForURL(/[?&]lat=42\.47&lon=21\.78/), button.click()]);
      await t.page.waitForLoadState('load');
      await t.expectText({ sr: 'Poređano po udaljenosti od: vaše lokacije', en: 'Ordered by distance from: your location' }, { within: 'main' });
      const names = (await t.page.locator('main ol.services > li h2').allInnerTexts()).map((n) => n.trim());
      if (names[0] !== near.name || names.length !== 2) throw new Error(`expected "${near.name}" first of the two shelters, the list has ${JSON.stringify(names)}`);
      const km = distanceKm({ lat: position.latitude, lon: position.longitude }, SEATS.Vranje);
      await t.expectText(distanceText(t, km), { within: 'main ol.services > li:first-child strong' });
      await expectMap(t, [near.name, far.name]);
      await t.check('services-near-me');
    });
  }

  await t.step('the visitor sees where services are missing, as a table or on a phone', async () => {
    await t.followLink(SERVICES, { within: 'nav.site-nav' });
    await t.followLink({ sr: 'Pokrivenost uslugama po opštinama', en: 'Service coverage by municipality' }, { within: 'main' });
    await t.expectPath(/^\/services\/coverage/);
    await t.expectHeading({ sr: 'Pokrivenost uslugama po opštinama', en: 'Service coverage by municipality' });
    await t.expectText({ sr: 'Bujanovac', en: 'Bujanovac' }, { within: 'main table.coverage' });
    // check() also measures the page at 390 px: the table of every
    // municipality must not make the page scroll sideways.
    await t.check('services-coverage');
  });
}
