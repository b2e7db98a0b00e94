// A practitioner joins Kolega and finds a colleague: a colleague joins first
// (so there is someone to find), then the member joins — once with mistakes,
// which the form gives back with messages beside the fields — confirms the
// address from the e-mail, signs in, edits the profile, chooses the library
// topics the home page follows, looks at the profile, searches
// the directory for the colleague (by city, typed without diacritics; in the
// Cyrillic variants the colleague wrote everything in Cyrillic) and signs out.

export const title = 'a practitioner joins, edits the profile, finds a colleague and signs out';

/**
 * Who joins, per variant. The six variants run side by side on one
 * database; distinct names keep each variant's colleague recognisable in the
 * directory (and two people with the same name never join at the same moment).
 * The colleagues' cities have diacritics, so the search without them means
 * something.
 */
const CAST = {
  'sr-Latn-js': { member: ['Ana Petrović', 'Novi Sad'], colleague: ['Dragana Čolić', 'Čačak'] },
  'sr-Latn-nojs': { member: ['Marko Jovanović', 'Beograd'], colleague: ['Nikola Živković', 'Užice'] },
  'sr-Cyrl-js': { member: ['Jelena Nikolić', 'Kragujevac'], colleague: ['Milica Šarić', 'Šabac'] },
  'sr-Cyrl-nojs': { member: ['Milan Stojanović', 'Niš'], colleague: ['Stefan Ćirić', 'Ćuprija'] },
  'en-js': { member: ['Tamara Ilić', 'Subotica'], colleague: ['Ivana Pešić', 'Pančevo'] },
  'en-nojs': { member: ['Vesna Kostić', 'Zrenjanin'], colleague: ['Jovana Milošević', 'Kruševac'] },
};

/** At least 10 characters, not a common one, not containing any name above. */
const PASSWORD = 'sunce-iza-brda-2026';

const JOIN_LINK = { sr: 'Učlanite se', en: 'Join' };
const REGISTER_HEADING = { sr: 'Učlanite se', en: 'Join Kolega' };
const REGISTER_BUTTON = { sr: 'Učlani me', en: 'Join' };
const CHECK_MAIL_HEADING = { sr: 'Proverite e-poštu', en: 'Check your e-mail' };
const VERIFIED_HEADING = { sr: 'Adresa je potvrđena', en: 'Address confirmed' };
const SIGN_IN = { sr: 'Prijava', en: 'Sign in' };
const SIGN_OUT = { sr: 'Odjava', en: 'Sign out' };

export default async function member(t) {
  const cast = CAST[t.variant];
  if (!cast) throw new Error(`no cast for the variant ${t.variant}: add one to CAST in journeys/member.mjs`);
  // In the Cyrillic variants people type in Cyrillic, as they would there.
  const typed = (text) => t.say({ sr: text, en: text });
  const person = ([name, city], profession, prefix) => ({
    name: typed(name),
    city: typed(city),
    institution: typed(`Centar za socijalni rad ${city}`),
    email: t.email(prefix),
    profession,
    country: 'RS',
  });
  const newcomer = person(cast.member, 'practitioner', 'member');
  const colleague = person(cast.colleague, 'teacher', 'colleague');
  /** The colleague's city as someone types it in a hurry: Latin, no diacritics ("Cacak"). */
  const search = withoutDiacritics(cast.colleague[1]);

  await t.step(`open the home page and switch to ${t.lang}`, async () => {
    await t.goto('/');
    await t.switchLanguage();
    await t.expectLanguage();
    await t.check('home');
  });

  await t.step('a colleague joins first', async () => {
    await t.followLink(JOIN_LINK, { within: 'header' });
    await t.expectPath('/register');
    await t.expectHeading(REGISTER_HEADING);
    await t.check('register');
    await t.fillForm({ ...details(colleague), password: PASSWORD, accept_guidelines: true, accept_safeguarding: true });
    await t.submit(REGISTER_BUTTON);
    await t.expectHeading(CHECK_MAIL_HEADING);
    await t.check('colleague-registered');
  });

  await t.step('the colleague confirms the address from the e-mail', async () => {
    await t.goto(await t.latestMailLink('/verify/', { to: colleague.email }));
    await t.expectHeading(VERIFIED_HEADING);
    await t.check('colleague-verified');
  });

  await t.step('join with a too-short password and the rules not accepted', async () => {
    await t.followLink(JOIN_LINK, { within: 'header' });
    await t.expectHeading(REGISTER_HEADING);
    await t.fillForm({ ...details(newcomer), password: 'kratka' });
    const response = await t.submit(REGISTER_BUTTON);
    if (response.status() !== 422) throw new Error(`expected HTTP 422 for the form with mistakes, got ${response.status()}`);
    await t.expectHeading(REGISTER_HEADING);
    await t.expectFlash({ sr: 'Obrazac ima greške', en: 'The form has mistakes' });
    await t.expectFieldError('password', { sr: 'Lozinka mora imati najmanje 10 znakova.', en: 'The password must have at least 10 characters.' });
    await t.expectFieldError('accept_guidelines', { sr: 'Da biste se učlanili, prihvatite pravila zajednice.', en: 'To join, accept the community guidelines.' });
    await t.expectFieldError('accept_safeguarding', {
      sr: 'Da biste se učlanili, prihvatite politiku zaštite dece.',
      en: 'To join, accept the child safeguarding policy.',
    });
    // What was right is kept (the password never comes back).
    await expectValues(t, { ...details(newcomer), password: '' });
    for (const name of ['name', 'email', 'city', 'institution']) await expectValid(t, name);
    await t.check('register-with-errors', { status: 422 });
  });

  await t.step('correct the mistakes and join', async () => {
    await t.fillForm({ password: PASSWORD, accept_guidelines: true, accept_safeguarding: true });
    await t.submit(REGISTER_BUTTON);
    await t.expectHeading(CHECK_MAIL_HEADING);
    await t.check('registered');
  });

  await t.step('confirm the address from the e-mail', async () => {
    await t.goto(await t.latestMailLink('/verify/', { to: newcomer.email }));
    await t.expectHeading(VERIFIED_HEADING);
    await t.check('verified');
  });

  let profilePath;
  await t.step('sign in', async () => {
    await t.followLink(SIGN_IN, { within: 'main' });
    await t.expectPath('/login');
    await t.expectHeading(SIGN_IN);
    await t.check('login');
    await t.fillForm({ email: newcomer.email, password: PASSWORD });
    await t.submit({ sr: 'Prijavi se', en: 'Sign in' });
    await t.expectPath('/');
    await t.expectLanguage();
    // The header now names the member and offers to sign out.
    const own = t.page.locator('header .account a', { hasText: newcomer.name });
    if ((await own.count()) !== 1) throw new Error(`the header does not link to ${JSON.stringify(newcomer.name)}`);
    profilePath = await own.getAttribute('href');
    if (!/^\/members\/[^/]+$/.test(profilePath)) throw new Error(`the header's name links to ${profilePath}`);
    await expectSignOutButton(t);
    await t.check('home-signed-in');
  });

  const bio = typed('Radim sa porodicama u riziku i vodim grupu podrške za hranitelje.');
  const bioEn = 'I work with families at risk and run a support group for foster carers.';
  const edited = {
    institution: typed(`Centar za socijalni rad ${cast.member[1]}, savetovalište za brak i porodicu`),
    expertise: t.lang === 'en' ? 'child protection, foster care' : typed('zaštita dece, hraniteljstvo'),
    bio: t.lang === 'en' ? bioEn : bio,
  };
  await t.step('edit the profile', async () => {
    await t.followLink({ sr: 'Podešavanja', en: 'Settings' }, { within: 'header' });
    await t.expectPath('/settings');
    await t.expectHeading({ sr: 'Podešavanja', en: 'Settings' });
    const form = 'form[action="/settings/profile"]';
    await expectValues(t, { name: newcomer.name, city: newcomer.city, institution: newcomer.institution, locale: t.lang }, form);
    await t.check('settings');
    await t.fillForm({ ...edited, locale: t.lang, listed_in_directory: true }, { within: form });
    await t.submit({ sr: 'Sačuvaj', en: 'Save' });
    await t.expectPath('/settings');
    await t.expectLanguage();
    await t.expectFlash({ sr: 'Podešavanja su sačuvana.', en: 'Your settings are saved.' });
    await expectValues(t, { ...edited, locale: t.lang }, form);
    await t.check('settings-saved');
  });

  await t.step('choose library topics to follow and see them on the home page', async () => {
    await t.followLink({ sr: 'Teme koje pratim u biblioteci', en: 'Library topics I follow' }, { within: 'main' });
    await t.expectPath('/settings/topics');
    await t.expectHeading({ sr: 'Teme koje pratim', en: 'Topics I follow' });
    await t.check('topics');
    await t.fillForm({ topic: 'foster-care' });
    await t.submit({ sr: 'Sačuvaj teme', en: 'Save topics' });
    await t.expectPath('/settings/topics');
    await t.expectFlash({ sr: 'Teme su sačuvane.', en: 'Your topics are saved.' });
    await t.followLink({ sr: 'Nazad na početnu', en: 'Back to the home page' }, { within: 'main' });
    await t.expectPath('/');
    await t.expectText({ sr: 'Vaše teme: Hraniteljstvo.', en: 'Your topics: Foster care.' }, { within: 'main' });
    await t.check('home-with-topics');
  });

  await t.step('open the own profile from the header', async () => {
    await t.followLink(`header .account a[href="${profilePath}"]`);
    await t.expectPath(profilePath);
    await t.expectHeading(newcomer.name);
    await t.expectText(edited.bio, { within: 'main' });
    await t.expectText(edited.institution, { within: 'main' });
    await t.expectText({ sr: 'Izmeni svoj profil', en: 'Edit your profile' }, { within: 'main' });
    await t.check('own-profile');
  });

  await t.step(`find the colleague in the directory by typing "${search}"`, async () => {
    await t.followLink({ sr: 'Kolege', en: 'Colleagues' }, { within: 'nav.site-nav' });
    await t.expectPath('/members');
    await t.expectHeading({ sr: 'Imenik kolega', en: 'Colleagues' });
    await t.check('directory');
    await t.fillForm({ q: search });
    await t.submit({ sr: 'Traži', en: 'Search' });
    await t.expectPath(new RegExp(`^/members\\?q=${search}(&|$)`));
    const card = t.page.locator('ul.cards > li.card', { hasText: colleague.name });
    if ((await card.count()) === 0) {
      throw new Error(`no card for ${colleague.name} after searching "${search}"; the page says: ${await t.page.locator('main').innerText()}`);
    }
    await t.expectText(colleague.city, { within: 'ul.cards' });
    await t.expectNoText(newcomer.name, { within: 'ul.cards' });
    await t.check('directory-search');
    await t.followLink(`ul.cards a[href="${await newestProfileLink(t, colleague.name)}"]`);
    await t.expectHeading(colleague.name);
    await t.expectText(colleague.institution, { within: 'main' });
    await t.expectText({ 'sr-Latn': 'Nastavnik/ca', 'sr-Cyrl': 'Наставник/ца', en: 'Teacher' }, { within: 'main' });
    await t.expectNoText({ sr: 'Izmeni svoj profil', en: 'Edit your profile' }, { within: 'main' });
    await t.check('colleague-profile');
  });

  await t.step('sign out with the button in the header', async () => {
    await t.submit(SIGN_OUT, { within: 'header' });
    await t.expectPath('/');
    await t.expectLanguage();
    await t.expectFlash({ sr: 'Odjavljeni ste.', en: 'You are signed out.' });
    await t.expectNoText(newcomer.name, { within: 'header' });
    if ((await t.page.locator('header a[href="/login"]').count()) !== 1) throw new Error('the header offers no sign-in link');
    await t.check('signed-out');
  });
}

/** The registration fields of a person. */
function details(p) {
  return { name: p.name, email: p.email, profession: p.profession, country: p.country, city: p.city, institution: p.institution };
}

/** Each named field (within a form) has the value. */
async function expectValues(t, values, within = 'main') {
  for (const [name, value] of Object.entries(values)) {
    const field = t.page.locator(`${within} [name="${name}"]:not([type="hidden"])`).first();
    const actual = await field.inputValue();
    if (actual !== value) {
      throw new Error(`expected the field "${name}" to hold ${JSON.stringify(value)}, it holds ${JSON.stringify(actual)} on ${t.page.url()}`);
    }
  }
}

async function expectValid(t, name) {
  const invalid = await t.page.locator(`main [name="${name}"]`).first().getAttribute('aria-invalid');
  if (invalid === 'true') throw new Error(`the field "${name}" is marked invalid, but its value was right`);
}

async function expectSignOutButton(t) {
  const button = t.page.locator('header form[action="/logout"][method="post"] button[type="submit"]');
  if ((await button.count()) !== 1) throw new Error('the header has no sign-out button (a form posting to /logout)');
  const label = (await button.innerText()).trim();
  if (label !== t.say(SIGN_OUT)) throw new Error(`the sign-out button says ${JSON.stringify(label)}`);
}

/**
 * The link to the colleague's profile among the results. In a fresh database
 * (cargo test) the name is there once; against a server reused across runs
 * by hand, namesakes from earlier runs are there too, and the newest one has
 * the highest handle number (ana-petrovic, ana-petrovic-2, …).
 */
async function newestProfileLink(t, name) {
  const hrefs = await t.page
    .locator('ul.cards > li.card h2 a')
    .evaluateAll((links, wanted) => links.filter((a) => a.textContent.trim() === wanted).map((a) => a.getAttribute('href')), name);
  if (hrefs.length === 0) throw new Error(`no link to ${name} among the results`);
  const number = (href) => Number(/-(\d+)$/.exec(href)?.[1] ?? 1);
  return hrefs.sort((a, b) => number(b) - number(a))[0];
}

function withoutDiacritics(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'dj').replace(/Đ/g, 'Dj');
}
