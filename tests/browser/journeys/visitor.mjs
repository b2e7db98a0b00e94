// A visitor who is not signed in: lands on the home page in the language
// their browser asks for, switches to the language under test with the
// switcher in the header (a plain form, so it works without JavaScript),
// reads every page the footer links to, and mistypes an address.

export const title = 'a visitor switches language and reads the public pages';

const HOME = { sr: 'Mesto gde se pomažu pomagači', en: 'Where helpers help each other' };

/** The footer's links, in the order the visitor follows them, with the <h1> each page has. */
const FOOTER_PAGES = [
  { path: '/guidelines', heading: { sr: 'Pravila zajednice', en: 'Community guidelines' } },
  { path: '/child-safeguarding', heading: { sr: 'Politika zaštite dece', en: 'Child safeguarding policy' } },
  { path: '/privacy', heading: { sr: 'Obaveštenje o privatnosti', en: 'Privacy notice' } },
  { path: '/about', heading: { sr: 'O Kolegi', en: 'About Kolega' } },
];

export default async function visitor(t) {
  await t.step(`open the home page (browser asks for ${t.startLang})`, async () => {
    await t.goto('/');
    await t.expectLanguage(t.startLang);
  });

  await t.step(`switch the language to ${t.lang}`, async () => {
    await t.switchLanguage(t.lang);
    await t.expectPath('/');
    await t.expectLanguage(t.lang);
    await t.expectHeading(HOME);
    await t.check('home');
  });

  for (const { path, heading } of FOOTER_PAGES) {
    await t.step(`follow the footer link to ${path}`, async () => {
      await t.followLink(`footer a[href="${path}"]`);
      await t.expectPath(path);
      await t.expectLanguage(t.lang);
      await t.expectHeading(heading);
      await t.check(path.slice(1));
    });
  }

  await t.step('open an address that does not exist', async () => {
    const response = await t.goto('/ova-stranica-ne-postoji');
    if (response.status() !== 404) throw new Error(`expected 404, got ${response.status()}`);
    await t.expectHeading({ sr: 'Stranica nije pronađena', en: 'Page not found' });
    await t.check('not-found', { status: 404 });
  });

  await t.step('go back to the home page from the error page', async () => {
    await t.followLink({ sr: 'Nazad na početnu', en: 'Back to the home page' }, { within: 'main' });
    await t.expectPath('/');
    await t.expectHeading(HOME);
  });
}
