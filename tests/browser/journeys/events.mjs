// A teacher publishes an accredited webinar; a practitioner finds it under
// "Events", registers, receives the confirmation with the calendar file,
// checks in during the webinar with the code shown there, and finds her
// licence points and the certificate, which anyone can verify.

import fs from 'node:fs';

import { joinAndSignIn, person, place, signOut, start, typed } from '../lib/people.mjs';

export const title = 'a practitioner registers for a webinar, checks in and gets her points and certificate';

const EVENTS = { sr: 'Događaji', en: 'Events' };
const LINK = 'https://meet.example.org/kolega-webinar';

/** Belgrade date ("2026-12-01") and time ("18:05") of `date`. */
function belgrade(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Belgrade',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The decoded text of the message's `.ics` attachment. */
function calendarAttachment(file) {
  const raw = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const at = raw.search(/Content-Type: text\/calendar/i);
  if (at < 0) throw new Error('the confirmation has no text/calendar attachment');
  const part = raw.slice(at);
  const split = part.indexOf('\n\n');
  const headers = part.slice(0, split);
  const body = part.slice(split + 2).split(/\n--/)[0];
  if (/base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export default async function events(t) {
  const teacher = person(t, 0, 'teacher', 'webinar-teacher');
  const practitioner = person(t, 4, 'practitioner', 'webinar-guest');
  const en = t.lang === 'en';
  const webinar = {
    // Variants run side by side: each has a webinar of its own.
    title: en
      ? `Urgent placement after domestic violence, ${place(t)}`
      : typed(t, `Hitno zbrinjavanje zbog nasilja u porodici, ${place(t)}`),
    description: en
      ? 'Safety assessment and urgent measures, with examples from practice.'
      : typed(t, 'Procena bezbednosti i hitne mere, sa primerima iz prakse.'),
  };
  const starts = belgrade(new Date(Date.now() + 20 * 60 * 1000));
  const ends = belgrade(new Date(Date.now() + 80 * 60 * 1000));

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));
  await t.step('a teacher joins Kolega and signs in', () => joinAndSignIn(t, teacher));

  let eventPath;
  let code;
  await t.step('the teacher publishes an accredited webinar', async () => {
    await t.followLink(EVENTS, { within: 'nav.site-nav' });
    await t.expectPath('/events');
    await t.followLink({ sr: 'Novi događaj', en: 'New event' }, { within: 'main' });
    await t.expectPath('/events/new');
    await t.check('new-event');
    await t.fillForm({
      kind: 'webinar',
      title: webinar.title,
      description: webinar.description,
      start_date: starts.date,
      start_time: starts.time,
      end_date: ends.date,
      end_time: ends.time,
      language: en ? 'en' : 'sr',
      audience: 'public',
      capacity: '30',
      online_link: LINK,
      points: '4',
    });
    await t.submit({ sr: 'Sačuvaj događaj', en: 'Save the event' }, { within: 'main' });
    await t.expectPath(/^\/events\/[0-9a-f-]+$/);
    await t.expectFlash({ sr: 'Događaj je objavljen.', en: 'The event is published.' });
    await t.check('event-organiser');
    eventPath = new URL(t.page.url()).pathname;
    code = (await t.page.locator('section[aria-labelledby="organiser-title"] code').first().textContent()).trim();
  });

  await t.step('the teacher signs out', () => signOut(t));
  await t.step('a practitioner joins Kolega and signs in', () => joinAndSignIn(t, practitioner));

  await t.step('she finds the webinar under Events; its link is for registered participants', async () => {
    await t.followLink(EVENTS, { within: 'nav.site-nav' });
    await t.expectPath('/events');
    await t.check('events');
    // The chosen tab (upcoming) is marked by more than its colour: bold and underlined.
    const tabs = await t.page.locator('nav.tabs a').evaluateAll((links) =>
      links.map((a) => ({ current: a.getAttribute('aria-current') === 'page', weight: Number(getComputedStyle(a).fontWeight), border: getComputedStyle(a).borderBottomColor })),
    );
    const [upcoming, past] = tabs;
    if (!upcoming?.current || past?.current) throw new Error(`the upcoming tab is not the current one: ${JSON.stringify(tabs)}`);
    if (!(upcoming.weight > past.weight) || upcoming.border === past.border) {
      throw new Error(`the current tab does not stand out: ${JSON.stringify(tabs)}`);
    }
    await t.followLink(webinar.title, { within: 'main' });
    await t.expectPath(eventPath);
    await t.expectHeading(webinar.title);
    await t.expectText({ sr: 'Link vide prijavljeni učesnici.', en: 'The link is shown to registered participants.' });
    await t.expectNoText(LINK);
    await t.check('event');
  });

  let since;
  await t.step('she registers and now sees the link', async () => {
    since = t.mailSnapshot();
    await t.submit({ sr: 'Prijavi se', en: 'Register' }, { within: 'main' });
    await t.expectPath(eventPath);
    await t.expectFlash({
      sr: 'Prijavljeni ste. Potvrda sa kalendarskim fajlom stiže vam e-poštom.',
      en: 'You are registered. The confirmation with a calendar file is on its way.',
    });
    await t.expectText(LINK);
    await t.check('registered');
  });

  await t.step('the confirmation brings the link and the calendar file', async () => {
    const mail = await t.waitForMail({ to: practitioner.email, subject: en ? 'You are registered' : typed(t, 'Prijavljeni ste'), after: since });
    if (!mail.text.includes(LINK)) throw new Error('the confirmation does not carry the online link');
    const calendar = calendarAttachment(mail.file);
    for (const expected of ['BEGIN:VCALENDAR', 'TZID:Europe/Belgrade', `DTSTART;TZID=Europe/Belgrade:${starts.date.replaceAll('-', '')}T${starts.time.replace(':', '')}00`]) {
      if (!calendar.includes(expected)) throw new Error(`the .ics lacks ${expected}:\n${calendar}`);
    }
  });

  await t.step('during the webinar she checks in with the code shown there', async () => {
    await t.fillForm({ code }, { within: 'main' });
    await t.submit({ sr: 'Evidentiraj prisustvo', en: 'Check in' }, { within: 'main' });
    await t.expectPath(eventPath);
    await t.expectText({ sr: 'Prisustvovali ste ovom događaju.', en: 'You attended this event.' });
    await t.check('checked-in');
  });

  let certificatePath;
  await t.step('her points page shows the 4 points and the certificate', async () => {
    await t.goto('/me/points');
    await t.expectHeading({ sr: 'Moji bodovi za licencu', en: 'My licence points' });
    await t.check('points');
    await t.followLink('a[href^="/me/certificates/"]');
    await t.expectHeading({ sr: 'Potvrda o prisustvu', en: 'Certificate of attendance' });
    await t.expectText(practitioner.name);
    await t.expectText({ sr: 'bodova za licencu: 4', en: '4 licence points' });
    await t.check('certificate');
    certificatePath = new URL(t.page.url()).pathname;
  });

  await t.step('signed out, anyone can verify the certificate', async () => {
    await signOut(t);
    await t.goto(certificatePath.replace('/me/certificates/', '/certificates/'));
    await t.expectText({ sr: 'Ova potvrda je važeća.', en: 'This certificate is valid.' });
    await t.expectText(practitioner.name);
    await t.expectText(webinar.title);
    await t.check('certificate-verified');
  });
}
