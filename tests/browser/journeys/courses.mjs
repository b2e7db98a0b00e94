// A teacher writes a course (a module with one lesson and a quiz) and sends
// it for review; a moderator publishes it; a student, signed in, finds it in
// the catalogue by a word typed in Cyrillic, starts it, reads the lesson,
// marks it done, fails the quiz, passes it on the second attempt (which
// completes the course), sees her progress on the course page and on
// /me/learning and the course's points on /me/points, opens her certificate,
// and, signed out, verifies it at the address printed on it.

import { toCyrillic } from '../lib/translit.mjs';
import {
  createModerator,
  joinAndSignIn,
  person,
  place,
  signInAndSwitchLanguage,
  signOut,
  start,
  typed,
} from '../lib/people.mjs';

export const title = 'a teacher writes a course, a moderator publishes it and a student takes it';

const COURSES = { sr: 'Kursevi', en: 'Courses' };
const NEW_COURSE = { sr: 'Novi kurs', en: 'New course' };

export default async function courses(t) {
  const teacher = person(t, 0, 'teacher', 'course-teacher');
  const student = person(t, 1, 'student', 'course-student');
  const moderator = person(t, 3, 'practitioner', 'course-moderator');
  const en = t.lang === 'en';
  // The word the student searches for, typed in Cyrillic whatever the interface.
  const word = en ? 'fostering' : 'hraniteljstvo';
  const course = {
    title: en ? `Fostering: the first year, ${place(t)}` : typed(t, `Hraniteljstvo: prva godina, ${place(t)}`),
    summary: en
      ? 'What a foster family needs from the case manager in the first year.'
      : typed(t, 'Šta hraniteljskoj porodici treba od voditelja slučaja u prvoj godini.'),
    module: en ? 'Before the placement' : typed(t, 'Pre smeštaja'),
    lesson: en ? 'Getting to know the family' : typed(t, 'Upoznavanje porodice'),
    body: en
      ? 'Visit the family **twice** before the placement and write down what they expect.'
      : typed(t, 'Posetite porodicu **dva puta** pre smeštaja i zapišite šta očekuju.'),
    question: en ? 'How many visits before the placement, at least?' : typed(t, 'Koliko poseta pre smeštaja, najmanje?'),
    right: en ? 'Two' : typed(t, 'Dve'),
    wrong: en ? 'None' : typed(t, 'Nijedna'),
  };

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a teacher joins Kolega and signs in', () => joinAndSignIn(t, teacher));

  let coursePath;
  await t.step('the teacher writes a course', async () => {
    await t.followLink(COURSES, { within: 'nav.site-nav' });
    await t.expectPath('/courses');
    await t.expectHeading(COURSES);
    await t.followLink(NEW_COURSE, { within: 'main' });
    await t.expectPath('/courses/new');
    await t.expectHeading(NEW_COURSE);
    await t.check('course-new');
    await t.fillForm({
      title: course.title,
      summary: course.summary,
      language: en ? 'en' : 'sr',
      estimated_hours: '2',
      licence_points: '3',
    });
    await t.page.locator('input[name="audience"][value="members"]').check();
    await t.submit({ sr: 'Sačuvaj nacrt', en: 'Save draft' });
    await t.expectPath(/^\/courses\/[a-z0-9-]+$/);
    coursePath = new URL(t.page.url()).pathname;
    await t.expectHeading(course.title);
    await t.expectFlash({ sr: 'Nacrt kursa je sačuvan.', en: 'The course draft is saved.' });
  });

  await t.step('the teacher adds a module and a lesson', async () => {
    await t.fillForm({ title: course.module }, { within: 'main form[action$="/modules"]' });
    await t.submit({ sr: 'Dodaj modul', en: 'Add module' });
    await t.expectPath(coursePath);
    await t.expectText(course.module, { within: 'main ol.syllabus' });
    await t.followLink({ sr: 'Dodaj lekciju', en: 'Add lesson' }, { within: 'main ol.syllabus' });
    await t.expectPath(/\/lessons\/new$/);
    await t.check('course-lesson-new');
    await t.fillForm({ title: course.lesson, body: course.body });
    await t.submit({ sr: 'Sačuvaj', en: 'Save' }, { within: 'main form' });
    await t.expectText(course.lesson, { within: 'main' });
    await t.check('course-draft');
  });

  await t.step('the teacher adds a quiz to the module', async () => {
    await t.goto(coursePath);
    const edit = await t.page.locator('main a[href$="/quiz/edit"]').first().getAttribute('href');
    await t.goto(edit);
    await t.expectText({ sr: 'Test', en: 'Quiz' }, { within: 'main h1' });
    await t.check('course-quiz-edit');
    await t.fillForm({ pass_mark: '100', max_attempts: '', cooldown_hours: '0' });
    await t.submit({ sr: 'Sačuvaj', en: 'Save' }, { within: 'main form[action$="/quiz/edit"]' });
    await t.expectPath(edit);
    await t.followLink({ sr: 'Dodaj pitanje', en: 'Add a question' }, { within: 'main' });
    await t.check('course-question-new');
    await t.page.locator('input[name="kind"][value="single"]').check();
    await t.fillForm({ prompt: course.question, answer_0: course.wrong, answer_1: course.right });
    await t.page.locator('input[name="correct_1"]').check();
    await t.submit({ sr: 'Sačuvaj', en: 'Save' }, { within: 'main form' });
    await t.expectPath(edit);
    await t.expectText(course.question, { within: 'main' });
  });

  await t.step('the teacher sends it for review', async () => {
    await t.goto(coursePath);
    await t.submit({ sr: 'Pošalji na pregled', en: 'Send for review' }, { within: 'main' });
    await t.expectPath(coursePath);
    await t.expectFlash({ sr: 'Kurs je poslat na pregled.', en: 'The course is sent for review.' });
    await signOut(t);
  });

  await t.step('a moderator publishes it', async () => {
    await createModerator(moderator);
    await signInAndSwitchLanguage(t, moderator);
    await t.goto(coursePath);
    await t.expectHeading(course.title);
    await t.check('course-to-review');
    await t.submit({ sr: 'Objavi', en: 'Publish' }, { within: 'main' });
    await t.expectPath(coursePath);
    await t.expectFlash({ sr: 'Kurs je objavljen.', en: 'The course is published.' });
    await signOut(t);
  });

  await t.step(`a student finds it by "${toCyrillic(word)}"`, async () => {
    await joinAndSignIn(t, student);
    await t.followLink(COURSES, { within: 'nav.site-nav' });
    await t.fillForm({ q: toCyrillic(word) }, { within: 'form.search' });
    await t.submit({ sr: 'Traži', en: 'Search' }, { within: 'form.search' });
    await t.expectPath(/^\/courses\?/);
    await t.expectText(course.title, { within: 'main' });
    await t.check('courses-search-cyrillic');
    await t.followLink(course.title, { within: 'main' });
    await t.expectPath(coursePath);
    await t.check('course');
  });

  await t.step('the student starts the course and finishes the lesson', async () => {
    // Starting opens the first lesson.
    await t.submit({ sr: 'Započni kurs', en: 'Start the course' }, { within: 'main' });
    await t.expectPath(/\/lessons\/[0-9a-f-]{36}$/);
    await t.expectFlash({ sr: 'Upisani ste na kurs.', en: 'You are enrolled in the course.' });
    await t.expectHeading(course.lesson);
    await t.expectText(en ? 'twice' : typed(t, 'dva puta'), { within: 'main' });
    await t.check('course-lesson');
    await t.submit({ sr: 'Označi kao završeno', en: 'Mark as done' }, { within: 'main' });
    await t.expectFlash({ sr: 'Lekcija je označena kao završena.', en: 'Lesson marked as done.' });
  });

  await t.step('the student fails the quiz, then passes it', async () => {
    await t.goto(coursePath);
    await t.followLink({ sr: 'Test', en: 'Quiz' }, { within: 'main ol.syllabus' });
    await t.submit({ sr: 'Započni test', en: 'Start the quiz' }, { within: 'main' });
    await t.check('course-quiz-attempt');
    await t.page.getByLabel(course.wrong, { exact: true }).check();
    await t.submit({ sr: 'Predaj odgovore', en: 'Submit answers' }, { within: 'main' });
    await t.expectText({ sr: 'Test ovog puta nije položen.', en: 'The quiz is not passed this time.' }, { within: 'main' });
    await t.check('course-quiz-failed');
    await t.submit({ sr: 'Pokušaj ponovo', en: 'Try again' }, { within: 'main' });
    await t.page.getByLabel(course.right, { exact: true }).check();
    await t.submit({ sr: 'Predaj odgovore', en: 'Submit answers' }, { within: 'main' });
    await t.expectText({ sr: 'Test je položen.', en: 'Quiz passed.' }, { within: 'main' });
    // The last step of the course completes it.
    await t.expectText({ sr: 'Kurs je završen', en: 'The course is completed' }, { within: 'main' });
    await t.check('course-quiz-passed');
  });

  await t.step('the student sees her progress and the completed course', async () => {
    await t.goto(coursePath);
    await t.expectText({ sr: 'Završeno lekcija i testova: 2 od 2', en: 'Lessons and quizzes done: 2 of 2' }, { within: 'main' });
    await t.expectText({ sr: 'Završen kurs', en: 'Course completed' }, { within: 'main' });
    await t.goto('/me/learning');
    await t.expectHeading({ sr: 'Moje učenje', en: 'My learning' });
    await t.expectText(course.title, { within: 'main' });
    await t.expectText({ sr: 'Završen kurs', en: 'Course completed' }, { within: 'main' });
    await t.check('learning');
  });

  await t.step('the student sees the course\'s points on /me/points', async () => {
    await t.goto('/me/points');
    await t.expectHeading({ sr: 'Moji bodovi za licencu', en: 'My licence points' });
    const row = t.page.locator('main tr', { hasText: course.title });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    if (cells[2]?.trim() !== '3') throw new Error(`the course's row on /me/points: ${cells.join(' | ')}`);
  });

  let verifyUrl;
  await t.step('the student opens her certificate', async () => {
    await t.goto('/me/learning');
    // The link's name also names the course (for screen readers).
    await t.followLink(`main a[href="${coursePath}/certificate"]`);
    await t.expectPath(`${coursePath}/certificate`);
    await t.expectHeading({ sr: 'Sertifikat o završenom kursu', en: 'Certificate of completion' });
    await t.expectText(student.name, { within: 'main' });
    await t.expectText(course.title, { within: 'main' });
    verifyUrl = await t.page.locator('main .certificate-verify a').getAttribute('href');
    await t.check('course-certificate');
    await signOut(t);
  });

  await t.step('signed out, anyone verifies the certificate', async () => {
    await t.goto(new URL(verifyUrl).pathname);
    await t.expectPath(/^\/certificates\/[A-Z0-9]{10}$/);
    await t.expectText({ sr: 'Ova potvrda je važeća.', en: 'This certificate is valid.' }, { within: 'main' });
    await t.expectText(student.name, { within: 'main' });
    await t.expectText(course.title, { within: 'main' });
    await t.check('course-certificate-verified');
  });
}
