// A practitioner opens a public group and starts a thread; a newcomer replies
// with an advertisement; a member reports it ("Report" beside the post); the
// group's owner — its moderator — hides it from /moderation with a note, the
// author is told by e-mail, and the member sees the moderators' notice in
// place of the text.

import {
  joinAndSignIn,
  openGroup,
  openGroupFromList,
  openThread,
  person,
  place,
  reply,
  signIn,
  signOut,
  start,
  startThread,
  typed,
} from '../lib/people.mjs';

export const title = 'a member reports a post and the group moderator hides it';

const JOIN = { sr: 'Učlani se', en: 'Join' };
const HIDDEN = { sr: 'Moderatori su sakrili ovu poruku.', en: 'The moderators have hidden this post.' };

export default async function groupsModeration(t) {
  const owner = person(t, 5, 'practitioner', 'foster-owner');
  const advertiser = person(t, 6, 'practitioner', 'advertiser');
  const member = person(t, 7, 'practitioner', 'reporter');
  const en = t.lang === 'en';
  const group = {
    name: en ? `Foster care in practice, ${place(t)}` : typed(t, `Hraniteljstvo u praksi, ${place(t)}`),
    description: en
      ? 'Experiences of preparing and supporting foster families.'
      : typed(t, 'Iskustva u pripremi i podršci hraniteljskim porodicama.'),
    topics: en ? 'foster care' : typed(t, 'hraniteljstvo'),
  };
  const thread = {
    title: en ? 'Preparing for a first placement' : typed(t, 'Priprema za prvi smeštaj'),
    body: en
      ? 'Share how you prepare foster carers for the first child placed with them.'
      : typed(t, 'Podelite kako pripremate hranitelje za prvo dete na smeštaju.'),
  };
  const advert = en
    ? 'The best course for foster carers, half price this week only. Write to me privately!'
    : typed(t, 'Najbolji kurs za hranitelje, upola cene samo ove nedelje. Pišite mi privatno!');
  const flagNote = en ? 'An advert for a paid course.' : typed(t, 'Reklama za plaćeni kurs.');
  const moderatorNote = en ? 'Adverts are not allowed in the group.' : typed(t, 'Reklame nisu dozvoljene u grupi.');

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a practitioner joins Kolega and signs in', () => joinAndSignIn(t, owner));

  let groupPath;
  await t.step('the practitioner opens a public group and starts a thread', async () => {
    groupPath = await openGroup(t, {
      name: group.name,
      description: group.description,
      visibility: 'public',
      language: en ? 'en' : 'sr',
      topics: group.topics,
    }, { checkForm: false });
    await startThread(t, thread, { check: false });
    await t.check('owner-thread');
  });

  await t.step('the practitioner signs out', () => signOut(t));

  await t.step('a newcomer joins the group and replies with an advertisement', async () => {
    await joinAndSignIn(t, advertiser);
    await openGroupFromList(t, groupPath, group.name);
    await t.submit(JOIN, { within: 'main' });
    await openThread(t, thread.title);
    await reply(t, advert);
    await signOut(t);
  });

  let threadPath;
  await t.step('a member reports the advertisement', async () => {
    await joinAndSignIn(t, member);
    await openGroupFromList(t, groupPath, group.name);
    await t.submit(JOIN, { within: 'main' });
    threadPath = await openThread(t, thread.title);
    await t.expectText(advert, { within: '#post-2' });
    await t.check('thread-with-advert');
    // Every post by someone else can be reported: the owner's and the newcomer's.
    const reports = await t.page.locator('ol.posts a[href$="/flag"]').count();
    if (reports !== 2) throw new Error(`expected a "Report" link beside each of the 2 posts, found ${reports}`);
    await t.followLink({ sr: 'Prijavi', en: 'Report' }, { within: '#post-2' });
    await t.expectPath(/\/p\/[0-9a-f-]+\/flag$/);
    await t.expectHeading({ sr: 'Prijava poruke moderatorima', en: 'Report a post to the moderators' });
    await t.check('flag');
    await t.fillForm({ reason: 'spam', note: flagNote });
    await t.submit({ sr: 'Pošalji prijavu', en: 'Send the report' });
    await t.expectPath(threadPath);
    await t.expectFlash({ sr: 'Hvala. Moderatori će pregledati prijavu.', en: 'Thank you. The moderators will review your report.' });
    await t.check('flagged');
    await signOut(t);
  });

  await t.step('the group owner hides the post from the moderation queue', async () => {
    await signIn(t, owner);
    await openGroupFromList(t, groupPath, group.name);
    await t.followLink('main a[href="/moderation"]');
    await t.expectPath('/moderation');
    await t.expectHeading({ sr: 'Moderacija', en: 'Moderation' });
    const item = t.page.locator('.moderation-queue > li', { hasText: thread.title });
    if ((await item.count()) !== 1) throw new Error(`expected one report about "${thread.title}" in the queue, found ${await item.count()}`);
    await t.expectText(advert, { within: '.moderation-queue' });
    await t.expectText(flagNote, { within: '.moderation-queue' });
    await t.check('moderation-queue');
    const form = '.moderation-queue > li form';
    await t.fillForm({ note: moderatorNote }, { within: form });
    await t.submit({ sr: 'Sakrij poruku', en: 'Hide the post' }, { within: form });
    await t.expectPath('/moderation');
    await t.expectFlash({ sr: 'Poruka je sakrivena; autor je obavešten.', en: 'The post is hidden; the author has been told.' });
    await t.check('moderation-done');
  });

  await t.step('the group owner looks at the group’s members', async () => {
    await openGroupFromList(t, groupPath, group.name);
    await t.followLink({ sr: 'Članovi grupe', en: 'Group members' }, { within: 'main' });
    await t.expectPath(`${groupPath}/members`);
    for (const p of [owner, advertiser, member]) await t.expectText(p.name, { within: 'ul.members' });
    await t.check('group-members');
    await signOut(t);
  });

  await t.step('the author is told by e-mail, with the note', async () => {
    const mail = await t.waitForMail({ to: advertiser.email, where: (m) => m.text.includes(moderatorNote) });
    if (!mail.text.includes(group.name)) throw new Error(`the e-mail to the author does not name the group: ${mail.text.slice(0, 300)}`);
  });

  await t.step('the member sees the notice in place of the post', async () => {
    await signIn(t, member);
    await openGroupFromList(t, groupPath, group.name);
    await openThread(t, thread.title);
    await t.expectText(HIDDEN, { within: '#post-2' });
    await t.expectNoText(advert, { within: 'main' });
    await t.expectText(thread.body, { within: '#post-1' });
    await t.check('post-hidden');
  });
}
