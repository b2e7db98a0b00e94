// A practitioner opens a group where members may write anonymously — such a
// group is read by its members only, never public; two colleagues ask to
// join and she lets them in; one asks for help as an anonymous colleague —
// the other member sees "Anonymous colleague", never the name, and a visitor
// sees neither the thread nor the name — and also asks the peer-support
// team for a private conversation at /support, choosing what it is about.

import {
  joinAndSignIn,
  signIn,
  openGroup,
  openGroupFromList,
  openThread,
  person,
  place,
  signOut,
  start,
  startThread,
  typed,
} from '../lib/people.mjs';

export const title = 'a practitioner asks for help anonymously and privately';

const ANONYMOUS = { sr: 'Anonimni kolega', en: 'Anonymous colleague' };

export default async function groupsAnonymous(t) {
  const owner = person(t, 2, 'practitioner', 'helpers-owner');
  const asker = person(t, 3, 'practitioner', 'asker');
  const reader = person(t, 4, 'practitioner', 'reader');
  const en = t.lang === 'en';
  const group = {
    name: en ? `Helping the helpers, ${place(t)}` : typed(t, `Pomoć pomagačima, ${place(t)}`),
    description: en
      ? 'A place to talk about stress, burnout and difficult days at work. You may write anonymously.'
      : typed(t, 'Mesto za razgovor o stresu, sagorevanju i teškim danima na poslu. Možete pisati anonimno.'),
    topics: en ? 'burnout, support' : typed(t, 'sagorevanje, podrška'),
  };
  const thread = {
    title: en ? 'How do I cope with burnout?' : typed(t, 'Kako da se izborim sa sagorevanjem?'),
    body: en
      ? 'After three years of emergency interventions I feel exhausted and do not know whom to turn to.'
      : typed(t, 'Posle tri godine rada na hitnim intervencijama osećam se iscrpljeno i ne znam kome da se obratim.'),
  };
  const request = en
    ? 'I need to talk with a colleague who knows what being on call every other night is like.'
    : typed(t, 'Treba mi razgovor sa kolegom koji zna kako izgledaju dežurstva svake druge noći.');

  /** On a thread (or group) page: the anonymous label, and nowhere the asker's name. */
  const expectAnonymous = async (within) => {
    await t.expectText(ANONYMOUS, { within });
    await t.expectNoText(asker.name, { within: 'main' });
    const profileLinks = await t.page.locator('main a[href^="/members/"]').evaluateAll((links) => links.map((a) => a.textContent.trim()));
    if (profileLinks.length) throw new Error(`the page links to profiles of ${JSON.stringify(profileLinks)}`);
  };

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a practitioner joins Kolega and signs in', () => joinAndSignIn(t, owner));

  let groupPath;
  await t.step('the practitioner opens a members-only group that allows anonymous posts', async () => {
    groupPath = await openGroup(t, {
      name: group.name,
      description: group.description,
      visibility: 'closed',
      language: en ? 'en' : 'sr',
      topics: group.topics,
      allow_anonymous: true,
    });
    await t.expectText({ sr: 'Zatvorena', en: 'Closed' }, { within: 'main' });
    await t.expectText({ sr: 'Ko čita: samo članovi grupe', en: "Who reads this: only the group's members" }, { within: 'main' });
    await t.check('helpers-group');
  });

  await t.step('the practitioner signs out', () => signOut(t));

  for (const colleague of [asker, reader]) {
    await t.step(`${colleague === asker ? 'a colleague' : 'a third practitioner'} joins Kolega and asks to join the group`, async () => {
      await joinAndSignIn(t, colleague);
      await openGroupFromList(t, groupPath, group.name);
      if (colleague === asker) await t.check('helpers-group-before-joining');
      await t.submit({ sr: 'Zatraži članstvo', en: 'Ask to join' }, { within: 'main' });
      await t.expectPath(groupPath);
      await t.expectFlash({ sr: 'Vaš zahtev čeka odobrenje moderatora grupe.', en: "Your request is waiting for a group moderator's approval." });
      await signOut(t);
    });
  }

  await t.step('the practitioner lets both colleagues in', async () => {
    await signIn(t, owner);
    await openGroupFromList(t, groupPath, group.name);
    await t.followLink({ sr: 'Članovi grupe', en: 'Group members' }, { within: 'main' });
    for (const colleague of [asker, reader]) {
      await t.submit({ sr: 'Odobri', en: 'Approve' }, { within: `ul.members li:has-text("${colleague.name}")` });
      await t.expectFlash({ sr: 'Zahtev je odobren; kolega je obavešten e-poštom.', en: 'The request is approved; your colleague has been e-mailed.' });
    }
    await t.check('helpers-group-members');
    await signOut(t);
  });

  await t.step('the colleague signs in and opens the group', async () => {
    await signIn(t, asker);
    await openGroupFromList(t, groupPath, group.name);
    await t.check('helpers-group-joined');
  });

  let threadPath;
  await t.step('the colleague asks for help as an anonymous colleague', async () => {
    threadPath = await startThread(t, { ...thread, anonymous: true });
    await expectAnonymous('ol.posts .post-meta');
    await t.check('anonymous-thread-own');
  });

  await t.step('the colleague asks the support team privately at /support', async () => {
    await t.followLink({ sr: 'Poverljiva podrška', en: 'Confidential peer support' }, { within: 'nav.site-nav' });
    await t.expectPath('/support');
    await t.expectHeading({ sr: 'Poverljiva podrška', en: 'Confidential peer support' });
    await t.check('support');
    await t.fillForm({ topic: 'burnout', body: request });
    await t.submit({ sr: 'Pošalji zahtev za podršku', en: 'Send the request for support' });
    await t.expectPath(/^\/support\/[0-9a-f-]+$/);
    await t.expectFlash({
      sr: 'Zahtev je poslat timu za podršku. Javićemo vam kada ga neko preuzme.',
      en: 'Your request has been sent to the support team. We will tell you when someone takes it.',
    });
    await t.expectText(request, { within: 'ol.posts' });
    await t.check('support-conversation');
  });

  await t.step('the colleague signs out', () => signOut(t));

  await t.step('a visitor sees the group but neither the thread nor the name', async () => {
    await openGroupFromList(t, groupPath, group.name);
    await t.expectNoText(thread.title, { within: 'main' });
    await t.expectNoText(asker.name, { within: 'main' });
    await t.check('helpers-group-visitor');
  });

  await t.step('the other member reads the thread and sees no name', async () => {
    await signIn(t, reader);
    await openGroupFromList(t, groupPath, group.name);
    await expectAnonymous('ul.threads');
    await openThread(t, thread.title);
    await expectAnonymous('ol.posts .post-meta');
    await t.expectText(thread.body, { within: 'ol.posts' });
    await t.check('anonymous-thread-member');
  });
}
