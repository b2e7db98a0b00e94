// The people of the group journeys, and what each of them does first: join
// Kolega, confirm the address from the e-mail, sign in and out. The pages of
// joining and signing in are checked by journeys/member.mjs; the group
// journeys only go through them (pass { check: true } to check them too).

import { execFile } from 'node:child_process';

/** The variants in the order lib/runner.mjs makes them (the index picks the names). */
const VARIANTS = ['sr-Latn-js', 'sr-Latn-nojs', 'sr-Cyrl-js', 'sr-Cyrl-nojs', 'en-js', 'en-nojs'];

/**
 * 16 first names × 24 surnames: the k-th person (k < 48) is
 * FIRST[k % 16] LAST[k % 24], a different pair for every k, so each variant
 * and journey has people of its own, and none of member.mjs's people.
 */
const FIRST = [
  'Biljana', 'Aleksandar', 'Gordana', 'Dejan', 'Jasmina', 'Goran', 'Ljiljana', 'Nenad',
  'Snežana', 'Predrag', 'Tijana', 'Uroš', 'Olivera', 'Đorđe', 'Zorica', 'Lazar',
];
const LAST = [
  'Babić', 'Vasić', 'Gavrilović', 'Đurić', 'Radić', 'Lazić', 'Marković', 'Mitrović',
  'Nedeljković', 'Obradović', 'Pavlović', 'Radovanović', 'Simić', 'Todorović', 'Cvetković', 'Tomić',
  'Filipović', 'Ćosić', 'Janković', 'Vuković', 'Lukić', 'Bogdanović', 'Stanković', 'Perić',
];

/** A city per variant, to tell apart the groups the six variants open side by side. */
const CITIES = ['Novi Sad', 'Kragujevac', 'Niš', 'Subotica', 'Čačak', 'Valjevo'];

/** At least 10 characters, not a common one, not containing any name above. */
export const PASSWORD = 'zelena-livada-4729';

const JOIN_LINK = { sr: 'Učlanite se', en: 'Join' };
const REGISTER_HEADING = { sr: 'Učlanite se', en: 'Join Kolega' };
const REGISTER_BUTTON = { sr: 'Učlani me', en: 'Join' };
const CHECK_MAIL_HEADING = { sr: 'Proverite e-poštu', en: 'Check your e-mail' };
const VERIFIED_HEADING = { sr: 'Adresa je potvrđena', en: 'Address confirmed' };
const SIGN_IN = { sr: 'Prijava', en: 'Sign in' };
const SIGN_OUT = { sr: 'Odjava', en: 'Sign out' };

function variantIndex(t) {
  const index = VARIANTS.indexOf(t.variant);
  if (index < 0) throw new Error(`no people for the variant ${t.variant}: add it to VARIANTS in lib/people.mjs`);
  return index;
}

/** What a person types, in the script of the variant (Cyrillic in sr-Cyrl). */
export function typed(t, text) {
  return t.say({ sr: text, en: text });
}

/** The city of this variant, in Latin script ("Niš"). */
export function place(t) {
  return CITIES[variantIndex(t)];
}

/**
 * Person number `slot` (0–7; each journey uses slots of its own) of this
 * variant, with a unique address and the given profession.
 */
export function person(t, slot, profession, prefix) {
  const k = variantIndex(t) * 8 + slot;
  const place = CITIES[variantIndex(t)];
  return {
    name: typed(t, `${FIRST[k % FIRST.length]} ${LAST[k % LAST.length]}`),
    email: t.email(prefix),
    profession,
    country: 'RS',
    city: typed(t, place),
    institution: typed(t, profession === 'practitioner' ? `Centar za socijalni rad ${place}` : 'Fakultet političkih nauka'),
  };
}

/** Opens the home page and switches to the language under test. */
export async function start(t) {
  await t.goto('/');
  await t.switchLanguage();
  await t.expectLanguage();
}

/** Joins Kolega (signed out) and confirms the address from the e-mail. */
export async function register(t, p, { check = false } = {}) {
  await t.followLink(JOIN_LINK, { within: 'header' });
  await t.expectHeading(REGISTER_HEADING);
  await t.fillForm({
    name: p.name,
    email: p.email,
    password: PASSWORD,
    profession: p.profession,
    country: p.country,
    city: p.city,
    institution: p.institution,
    accept_guidelines: true,
    accept_safeguarding: true,
  });
  await t.submit(REGISTER_BUTTON);
  await t.expectHeading(CHECK_MAIL_HEADING);
  if (check) await t.check('registered');
  await t.goto(await t.latestMailLink('/verify/', { to: p.email }));
  await t.expectHeading(VERIFIED_HEADING);
  if (check) await t.check('verified');
}

/** Signs in with the header's link; ends on the home page, in the language under test. */
export async function signIn(t, p) {
  await t.followLink(SIGN_IN, { within: 'header' });
  await t.expectHeading(SIGN_IN);
  await t.fillForm({ email: p.email, password: PASSWORD });
  await t.submit({ sr: 'Prijavi se', en: 'Sign in' });
  await t.expectPath('/');
  await t.expectLanguage();
  await t.expectText(p.name, { within: 'header .account' });
}

/** Joins, confirms the address and signs in. */
export async function joinAndSignIn(t, p, options) {
  await register(t, p, options);
  await signIn(t, p);
}

/** Signs out with the header's button. */
export async function signOut(t) {
  await t.submit(SIGN_OUT, { within: 'header' });
  await t.expectPath('/');
  await t.expectFlash({ sr: 'Odjavljeni ste.', en: 'You are signed out.' });
}

/** Follows the main navigation's "Groups". */
export async function openGroups(t) {
  await t.followLink({ sr: 'Grupe', en: 'Groups' }, { within: 'nav.site-nav' });
  await t.expectPath('/groups');
  await t.expectHeading({ sr: 'Grupe', en: 'Groups' });
}

/**
 * Opens a group at /groups/new (from the "Open a group" button on /groups)
 * and returns its address, e.g. "/groups/pomoc-pomagacima-novi-sad".
 */
export async function openGroup(t, fields, { checkForm = true } = {}) {
  await openGroups(t);
  await t.followLink({ sr: 'Otvori grupu', en: 'Open a group' }, { within: 'main' });
  await t.expectPath('/groups/new');
  await t.expectHeading({ sr: 'Otvori grupu', en: 'Open a group' });
  if (checkForm) await t.check('new-group');
  await t.fillForm(fields);
  await t.submit({ sr: 'Otvori grupu', en: 'Open the group' }, { within: 'main' });
  await t.expectPath(/^\/groups\/[a-z0-9-]+$/);
  await t.expectHeading(fields.name);
  await t.expectFlash({ sr: 'Grupa je otvorena.', en: 'The group is open.' });
  return new URL(t.page.url()).pathname;
}

/** From /groups, the card of the group at `path`. */
export async function openGroupFromList(t, path, name) {
  await openGroups(t);
  await t.followLink(`ul.cards a[href="${path}"]`);
  await t.expectPath(path);
  await t.expectHeading(name);
}

/** The path of the thread titled `title`, from the group page's list. */
export async function openThread(t, title) {
  await t.followLink(title, { within: 'ul.threads' });
  await t.expectPath(/^\/groups\/[a-z0-9-]+\/t\/[0-9a-f-]+$/);
  await t.expectHeading(title);
  return new URL(t.page.url()).pathname;
}

/** Starts a thread from the group page's "New thread" and returns its path. */
export async function startThread(t, { title, body, anonymous }, { check = true } = {}) {
  await t.followLink({ sr: 'Nova tema', en: 'New thread' }, { within: 'main' });
  await t.expectPath(/\/new-thread$/);
  await t.expectHeading({ sr: 'Nova tema', en: 'New thread' });
  if (check) await t.check('new-thread');
  await t.fillForm(anonymous === undefined ? { title, body } : { title, body, anonymous });
  await t.submit({ sr: 'Objavi temu', en: 'Post the thread' });
  await t.expectPath(/^\/groups\/[a-z0-9-]+\/t\/[0-9a-f-]+$/);
  await t.expectHeading(title);
  await t.expectText(body, { within: 'ol.posts' });
  return new URL(t.page.url()).pathname;
}

/** Replies at the foot of the thread page. */
export async function reply(t, body) {
  const form = 'form[action$="/reply"]';
  await t.fillForm({ body }, { within: form });
  await t.submit({ sr: 'Pošalji odgovor', en: 'Send the reply' }, { within: form });
  await t.expectPath(/^\/groups\/[a-z0-9-]+\/t\/[0-9a-f-]+\?page=\d+$/);
  await t.expectText(body, { within: 'ol.posts' });
}

/**
 * Makes `p` a site moderator the way an administrator does, with
 * `kolega create-user --role moderator` (the password on stdin). There is no
 * page for it, and a shared moderator would not do: a member's language
 * follows their account, and the variants switch it side by side.
 * Needs KOLEGA_BIN and DATABASE_URL (tests/browser.rs sets both).
 */
export async function createModerator(p) {
  const bin = process.env.KOLEGA_BIN;
  if (!bin || !process.env.DATABASE_URL) {
    throw new Error('KOLEGA_BIN and DATABASE_URL must be set to create a moderator (`cargo test --test browser` sets them)');
  }
  await new Promise((resolve, reject) => {
    const child = execFile(
      bin,
      ['create-user', '--email', p.email, '--name', p.name, '--role', 'moderator'],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`kolega create-user failed: ${String(stderr || error.message).trim()}`)) : resolve(stdout),
    );
    child.stdin.end(`${PASSWORD}\n`);
  });
}

/**
 * Signs in a member made outside the pages (createModerator): the account
 * starts in Serbian Latin, so the language under test is chosen again once
 * signed in (which the account then keeps).
 */
export async function signInAndSwitchLanguage(t, p) {
  await t.followLink(SIGN_IN, { within: 'header' });
  await t.expectHeading(SIGN_IN);
  await t.fillForm({ email: p.email, password: PASSWORD });
  await t.submit({ sr: 'Prijavi se', en: 'Sign in' });
  await t.expectPath('/');
  await t.switchLanguage();
  await t.expectLanguage();
  await t.expectText(p.name, { within: 'header .account' });
}
