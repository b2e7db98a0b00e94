// A teacher opens a closed class group; a student joins it with the code the
// teacher reads out, starts a thread and replies once more in it.

import { place, joinAndSignIn, openGroup, openGroups, person, reply, signOut, start, startThread, typed } from '../lib/people.mjs';

export const title = 'a student joins a class group by its code and posts';

export default async function groupsClass(t) {
  const teacher = person(t, 0, 'teacher', 'teacher');
  const student = person(t, 1, 'student', 'student');
  const en = t.lang === 'en';
  const group = {
    name: en ? `Social work methods, ${place(t)}` : typed(t, `Metode socijalnog rada, ${place(t)}`),
    description: en
      ? 'The class group of the course: questions about lectures, readings and assignments.'
      : typed(t, 'Grupa predmeta: pitanja o predavanjima, literaturi i zadacima.'),
    topics: en ? 'teaching, methods' : typed(t, 'nastava, metode'),
  };
  const thread = {
    title: en ? 'A question about the essay' : typed(t, 'Pitanje o eseju'),
    body: en
      ? 'Should the essay on needs assessment include an example from practice?'
      : typed(t, 'Da li esej o proceni potreba treba da ima i primer iz prakse?'),
  };
  const more = en
    ? 'One more thing: is the deadline the end of the month?'
    : typed(t, 'Još nešto: da li je rok za predaju kraj meseca?');

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a teacher joins Kolega and signs in', () => joinAndSignIn(t, teacher));

  let groupPath;
  let code;
  await t.step('the teacher opens a closed class group', async () => {
    groupPath = await openGroup(t, {
      name: group.name,
      description: group.description,
      visibility: 'closed',
      language: en ? 'en' : 'sr',
      topics: group.topics,
      class_group: true,
    });
    await t.expectText(group.description, { within: 'main' });
    code = (await t.page.locator('main code').first().innerText()).trim();
    if (!/^[A-Z0-9]{8}$/.test(code)) throw new Error(`the group page shows no join code (found ${JSON.stringify(code)})`);
    await t.check('class-group');
  });

  await t.step('the teacher signs out', () => signOut(t));

  await t.step('a student joins Kolega and signs in', () => joinAndSignIn(t, student));

  await t.step('the student joins the class group with the code', async () => {
    await openGroups(t);
    await t.expectText(group.name, { within: 'ul.cards' });
    await t.check('groups');
    await t.followLink({ sr: 'Učlani se kodom', en: 'Join with a code' }, { within: 'main' });
    await t.expectPath('/groups/join');
    await t.expectHeading({ sr: 'Učlani se kodom', en: 'Join with a code' });
    await t.check('join-with-code');
    // Read out in class and typed in lower case, with a space in the middle.
    await t.fillForm({ code: `${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}` });
    await t.submit({ sr: 'Učlani me', en: 'Join' }, { within: 'main' });
    await t.expectPath(groupPath);
    await t.expectHeading(group.name);
    await t.expectText({ sr: 'U grupi još nema tema. Započnite prvu.', en: 'No threads yet. Start the first one.' }, { within: 'main' });
    // The code is for the group's moderators only.
    await t.expectNoText(code, { within: 'main' });
    await t.check('class-group-joined');
  });

  await t.step('the student starts a thread', async () => {
    await startThread(t, thread);
    await t.expectText(student.name, { within: 'ol.posts' });
    await t.check('thread');
  });

  await t.step('the student replies once more', async () => {
    await reply(t, more);
    if ((await t.page.locator('ol.posts > li.post').count()) !== 2) throw new Error('the thread does not show two posts after the reply');
    await t.check('thread-replied');
  });

  await t.step('the thread is in the group’s list', async () => {
    await t.followLink(`nav.breadcrumbs a[href="${groupPath}"]`);
    await t.expectHeading(group.name);
    await t.expectText(thread.title, { within: 'ul.threads' });
    await t.expectText({ sr: '1 odgovor', en: '1 reply' }, { within: 'ul.threads' });
  });

  // Typed in Latin without diacritics, also where the thread is in Cyrillic.
  const words = en ? 'essay' : 'eseju';
  await t.step(`the student finds the thread by searching "${words}"`, async () => {
    await openGroups(t);
    await t.fillForm({ q: words }, { within: 'form.inline-search' });
    await t.submit({ sr: 'Traži', en: 'Search' }, { within: 'form.inline-search' });
    await t.expectPath(`/search?q=${words}`);
    await t.expectHeading({ sr: 'Pretraga razgovora', en: 'Search conversations' });
    await t.expectText(thread.title, { within: 'ol.search-results' });
    if ((await t.page.locator('ol.search-results mark').count()) === 0) throw new Error('the search results mark no words found');
    await t.check('search');
    await t.followLink(thread.title, { within: 'ol.search-results' });
    await t.expectHeading(thread.title);
  });
}
