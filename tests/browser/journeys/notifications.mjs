// A practitioner starts a thread in a public group; a colleague replies and
// the practitioner is told by e-mail and on /notifications (the header's
// unread badge). The practitioner turns replies off at
// /settings/notifications: the colleague's next reply is on the page but
// sends no mail. The practitioner answers, the colleague gets that by
// e-mail and, signed out as from a mail program, unsubscribes with the
// mail's link; signed in again, the colleague finds replies set to "never".

import { joinAndSignIn, openGroup, openGroupFromList, openThread, person, place, reply, signIn, signOut, start, startThread, typed } from '../lib/people.mjs';

export const title = 'a member chooses which mail comes, gets it (or not) and unsubscribes from a mail';

const JOIN = { sr: 'Učlani se', en: 'Join' };
const NOTIFICATIONS = { sr: 'Obaveštenja', en: 'Notifications' };
const SETTINGS_TITLE = { sr: 'Obaveštenja e-poštom', en: 'E-mail notifications' };
const SAVE = { sr: 'Sačuvaj podešavanja', en: 'Save settings' };
const SAVED = { sr: 'Podešavanja obaveštenja su sačuvana.', en: 'Your notification settings are saved.' };
const REPLIES = { sr: 'Odgovori u temama koje pratite', en: 'Replies in threads you follow' };
const THREAD_PATH = /^\/groups\/[a-z0-9-]+\/t\/[0-9a-f-]+\?page=\d+$/;

/** Fluent wraps arguments in invisible isolation marks; a reader does not see them. */
const visible = (text) => text.replace(/[\u2068\u2069]/g, '');

export default async function notifications(t) {
  const author = person(t, 7, 'practitioner', 'notify-author');
  const colleague = person(t, 3, 'practitioner', 'notify-colleague');
  const en = t.lang === 'en';
  const group = {
    name: en ? `Preventing burnout, ${place(t)}` : typed(t, `Prevencija sagorevanja, ${place(t)}`),
    description: en
      ? 'How practitioners look after themselves: supervision, rest and limits.'
      : typed(t, 'Kako se stručnjaci čuvaju: supervizija, odmor i granice.'),
    topics: en ? 'burnout, supervision' : typed(t, 'sagorevanje, supervizija'),
  };
  const thread = {
    title: en ? 'What helps you after a hard week?' : typed(t, 'Šta vam pomaže posle teške nedelje?'),
    body: en
      ? 'After a week of urgent cases I find it hard to switch off. What works for you?'
      : typed(t, 'Posle nedelje hitnih slučajeva teško se isključim. Šta vama pomaže?'),
  };
  const first = en
    ? 'A walk after work and one evening a week without the phone.'
    : typed(t, 'Šetnja posle posla i jedno veče nedeljno bez telefona.');
  const second = en
    ? 'And group supervision once a month, even a short one.'
    : typed(t, 'I grupna supervizija jednom mesečno, makar kratka.');
  const answer = en
    ? 'Thank you, I will try the evening without the phone.'
    : typed(t, 'Hvala, probaću veče bez telefona.');

  /** The header's link to /notifications and its unread badge ("" when none). */
  const headerLink = 'header .account a[href="/notifications"]';
  const badge = async () => {
    const found = t.page.locator(`${headerLink} .badge`);
    return (await found.count()) ? (await found.innerText()).trim() : '';
  };
  const expectBadge = async (count) => {
    const shown = await badge();
    const number = shown.split(/\s/)[0];
    if (number !== String(count)) throw new Error(`expected the header's unread badge to say ${count}, it says ${JSON.stringify(shown)}`);
  };
  const openNotifications = async () => {
    await t.followLink(headerLink);
    await t.expectPath('/notifications');
    await t.expectHeading(NOTIFICATIONS);
  };
  const openSettings = async () => {
    await t.followLink({ sr: 'Podesite šta vam stiže e-poštom', en: 'Choose what reaches you by e-mail' }, { within: 'main' });
    await t.expectPath('/settings/notifications');
    await t.expectHeading(SETTINGS_TITLE);
  };
  const replySetting = () => t.page.locator('select[name="reply"]').inputValue();

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  let groupPath;
  await t.step('a practitioner opens a public group and starts a thread', async () => {
    await joinAndSignIn(t, author);
    groupPath = await openGroup(t, {
      name: group.name,
      description: group.description,
      visibility: 'public',
      language: en ? 'en' : 'sr',
      topics: group.topics,
    }, { checkForm: false });
    await startThread(t, thread, { check: false });
    await signOut(t);
  });

  await t.step('a colleague joins the group and replies', async () => {
    await joinAndSignIn(t, colleague);
    await openGroupFromList(t, groupPath, group.name);
    await t.submit(JOIN, { within: 'main' });
    await openThread(t, thread.title);
    await reply(t, first);
    await signOut(t);
  });

  await t.step('the practitioner gets the reply by e-mail, with an unsubscribe link', async () => {
    const mail = await t.waitForMail({ to: author.email, where: (m) => m.text.includes(first) });
    if (!visible(mail.subject).includes(thread.title)) throw new Error(`the e-mail's subject "${visible(mail.subject)}" does not name the thread`);
    if (!mail.text.includes(colleague.name)) throw new Error(`the e-mail does not say who replied:\n${mail.text}`);
    const link = /\/unsubscribe\?token=/;
    const inBody = (mail.text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/) || [])[0];
    if (!inBody) throw new Error(`the e-mail's footer has no unsubscribe link:\n${mail.text}`);
    const header = (mail.headers['list-unsubscribe'] || '').replace(/\s+/g, '');
    if (header !== `<${inBody}>` || !link.test(header)) {
      throw new Error(`List-Unsubscribe is ${JSON.stringify(header)}, expected <${inBody}>`);
    }
    if ((mail.headers['list-unsubscribe-post'] || '').trim() !== 'List-Unsubscribe=One-Click') {
      throw new Error(`List-Unsubscribe-Post is ${JSON.stringify(mail.headers['list-unsubscribe-post'])}`);
    }
  });

  await t.step('the practitioner sees the reply on the notifications page', async () => {
    await signIn(t, author);
    await expectBadge(1);
    await openNotifications();
    const unread = t.page.locator('ul.notifications > li.unread');
    if ((await unread.count()) !== 1) throw new Error(`expected one unread notification, found ${await unread.count()}`);
    await t.expectText(thread.title, { within: 'ul.notifications > li.unread' });
    await t.expectText(REPLIES, { within: 'ul.notifications > li.unread' });
    await t.check('notifications-unread');
  });

  await t.step('opening the notification leads to the reply and marks it read', async () => {
    await t.followLink('ul.notifications > li.unread a[href^="/notifications/"]');
    await t.expectPath(THREAD_PATH);
    if (new URL(t.page.url()).hash !== '#post-2') throw new Error(`expected to land on #post-2, the address is ${t.page.url()}`);
    await t.expectHeading(thread.title);
    await t.expectText(first, { within: '#post-2' });
    await expectBadge('');
    await openNotifications();
    if ((await t.page.locator('ul.notifications > li.unread').count()) !== 0) throw new Error('the opened notification is still unread');
    await t.expectText(thread.title, { within: 'ul.notifications' });
    await t.check('notifications-read');
  });

  await t.step('the practitioner turns off e-mail for replies', async () => {
    await openSettings();
    if ((await replySetting()) !== 'immediately') throw new Error(`replies are set to "${await replySetting()}", expected "immediately" at first`);
    await t.check('notification-settings');
    await t.fillForm({ reply: 'never' });
    await t.submit(SAVE, { within: 'main' });
    await t.expectPath('/settings/notifications');
    await t.expectFlash(SAVED);
    if ((await replySetting()) !== 'never') throw new Error(`replies are set to "${await replySetting()}" after saving, expected "never"`);
    await t.check('notification-settings-saved');
    await signOut(t);
  });

  let since;
  await t.step('the colleague replies again', async () => {
    since = t.mailSnapshot();
    await signIn(t, colleague);
    await openGroupFromList(t, groupPath, group.name);
    await openThread(t, thread.title);
    await reply(t, second);
    await signOut(t);
  });

  await t.step('the practitioner sees it only on the site, and answers', async () => {
    await signIn(t, author);
    await expectBadge(1);
    await openNotifications();
    if ((await t.page.locator('ul.notifications > li').count()) !== 2) throw new Error('expected two notifications, the new one and the opened one');
    await t.expectText(thread.title, { within: 'ul.notifications > li.unread' });
    await t.followLink('ul.notifications > li.unread a[href^="/notifications/"]');
    await t.expectPath(THREAD_PATH);
    if (new URL(t.page.url()).hash !== '#post-3') throw new Error(`expected to land on #post-3, the address is ${t.page.url()}`);
    await t.expectText(second, { within: '#post-3' });
    await reply(t, answer);
    await signOut(t);
  });

  let unsubscribeLink;
  await t.step('the colleague gets the answer by e-mail; the practitioner got none', async () => {
    // The outbox sends in the order mail was queued: once the answer's mail
    // is here, a mail for the colleague's second reply would be here too.
    unsubscribeLink = await t.latestMailLink('/unsubscribe?token=', { to: colleague.email, after: since, where: (m) => m.text.includes(answer) });
    const stray = await t.waitForMail({ to: author.email, after: since, timeout: 0 }).catch(() => null);
    if (stray) throw new Error(`replies are off, yet the practitioner got "${visible(stray.subject)}"`);
  });

  await t.step('signed out, the colleague unsubscribes with the link from the e-mail', async () => {
    await t.goto(unsubscribeLink);
    await t.expectPath(/^\/unsubscribe\?token=/);
    await t.expectHeading({ sr: 'Odjava od poruka', en: 'Unsubscribe' });
    await t.expectText(REPLIES, { within: 'main' });
    await t.check('unsubscribe');
    await t.submit({ sr: 'Da, odjavi me', en: 'Yes, unsubscribe me' }, { within: 'main' });
    await t.expectHeading({ sr: 'Odjavljeni ste', en: 'You are unsubscribed' });
    await t.expectText(REPLIES, { within: 'main' });
    await t.check('unsubscribed');
  });

  await t.step('signed in, the colleague finds replies set to "never"', async () => {
    await signIn(t, colleague);
    await t.followLink({ sr: 'Podešavanja', en: 'Settings' }, { within: 'header .account' });
    await t.expectPath('/settings');
    await t.followLink(SETTINGS_TITLE, { within: 'main' });
    await t.expectPath('/settings/notifications');
    await t.expectHeading(SETTINGS_TITLE);
    if ((await replySetting()) !== 'never') throw new Error(`replies are set to "${await replySetting()}" after unsubscribing, expected "never"`);
    if ((await t.page.locator('select[name="mention"]').inputValue()) !== 'immediately') {
      throw new Error('unsubscribing from replies changed the setting for mentions too');
    }
    await t.check('notification-settings-after-unsubscribe');
  });
}
