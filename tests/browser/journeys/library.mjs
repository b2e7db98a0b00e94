// A verified member submits a PDF guideline through /library/new and sends it
// for review; a moderator finds it in the review queue, opens the file,
// publishes it and features it on the home page; the member is told by
// e-mail. Then a visitor, signed out, sees the featured resources on the home
// page and searches the library in Cyrillic for a word that is only inside the
// PDF (Latin script): the scheduler extracts the text in the background, so
// the search is repeated until it finds the resource, which the visitor opens
// and downloads.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

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

export const title = 'a member shares a PDF, a moderator publishes it and a visitor finds it by a word inside it';

const LIBRARY = { sr: 'Biblioteka', en: 'Library' };
const SUBMIT_RESOURCE = { sr: 'Predložite resurs', en: 'Submit a resource' };
const REVIEW_QUEUE = { sr: 'Za pregled', en: 'Review queue' };
/** The word every variant's PDF has (Latin); it is searched for in Cyrillic. */
const INNER_WORD = 'starateljstvo';
/** The scheduler looks for new files every minute (src/scheduler.rs). */
const EXTRACTION_TIMEOUT = 150_000;

/**
 * A word unique to this variant and run, so that the six variants' PDFs,
 * side by side in one library, are told apart. Letters without Serbian
 * digraphs (no j, no ž), so its Cyrillic form turns back into the same word.
 */
function nonceWord() {
  const letters = 'abdefgikmoprstuv';
  return [...randomBytes(10)].map((byte) => letters[byte % letters.length]).join('');
}

/**
 * A one-page PDF 1.4 whose text (Helvetica, ASCII) is `text`, with a correct
 * cross-reference table: pdftotext reads it as a real reader would.
 */
function pdfWithText(text) {
  const escaped = text.replace(/[\\()]/g, '\\$&');
  const content = `BT /F1 14 Tf 72 760 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Fluent wraps arguments in invisible isolation marks; a reader does not see them. */
const visible = (text) => text.replace(/[\u2068\u2069]/g, '');

export default async function library(t) {
  const author = person(t, 1, 'practitioner', 'library-author');
  const moderator = person(t, 3, 'practitioner', 'library-moderator');
  const en = t.lang === 'en';
  const nonce = nonceWord();
  // Neither the title nor the summary has the PDF's words: the search can
  // only find the resource by the text extracted from the file.
  const resource = {
    title: en
      ? `Working with families after a court decision, ${place(t)}`
      : typed(t, `Rad sa porodicom posle sudske odluke, ${place(t)}`),
    summary: en
      ? 'Steps for the case manager and examples from practice.'
      : typed(t, 'Koraci za voditelja slučaja i primeri iz prakse.'),
  };
  const pdf = pdfWithText(`Smernice: ${INNER_WORD} ${nonce} i procena potreba deteta`);
  // What the visitor types: the PDF's words, in Cyrillic whatever the interface.
  const query = toCyrillic(`${INNER_WORD} ${nonce}`);

  await t.step(`open the home page and switch to ${t.lang}`, () => start(t));

  await t.step('a practitioner joins Kolega and signs in', () => joinAndSignIn(t, author));

  let resourcePath;
  await t.step('the practitioner submits a PDF through /library/new', async () => {
    await t.followLink(LIBRARY, { within: 'nav.site-nav' });
    await t.expectPath('/library');
    await t.expectHeading(LIBRARY);
    await t.followLink(SUBMIT_RESOURCE, { within: 'main' });
    await t.expectPath('/library/new');
    await t.expectHeading(SUBMIT_RESOURCE);
    await t.check('library-new');
    await t.fillForm({
      title: resource.title,
      summary: resource.summary,
      kind: 'guideline',
      language: en ? 'en' : 'sr',
      script: 'latin',
      audiences: 'professionals',
      file: { name: 'smernice.pdf', mimeType: 'application/pdf', buffer: pdf },
    });
    await t.submit({ sr: 'Sačuvaj nacrt', en: 'Save the draft' });
    await t.expectPath(/^\/library\/[0-9a-f-]{36}$/);
    resourcePath = new URL(t.page.url()).pathname;
    await t.expectHeading(resource.title);
    await t.expectFlash({
      sr: 'Nacrt je sačuvan. Pošaljite ga na pregled kada bude spreman.',
      en: 'The draft is saved. Send it for review when it is ready.',
    });
    await t.check('library-draft');
  });

  await t.step('the practitioner sends it for review', async () => {
    await t.submit({ sr: 'Pošalji na pregled', en: 'Send for review' }, { within: 'main' });
    await t.expectPath(resourcePath);
    await t.expectFlash({
      sr: 'Poslato na pregled. Dobićete e-poruku kada moderatori odluče.',
      en: 'Sent for review. You will get an e-mail when the moderators decide.',
    });
    await t.check('library-submitted');
    await signOut(t);
  });

  await t.step('a moderator opens the review queue and the file', async () => {
    await createModerator(moderator);
    await signInAndSwitchLanguage(t, moderator);
    await t.followLink(LIBRARY, { within: 'nav.site-nav' });
    await t.followLink(REVIEW_QUEUE, { within: 'main' });
    await t.expectPath('/library/review');
    await t.expectHeading(REVIEW_QUEUE);
    await t.expectText(resource.title, { within: 'main ul.resources' });
    await t.check('library-review');
    await t.followLink(resource.title, { within: 'main ul.resources' });
    await t.expectPath(resourcePath);
    await t.expectHeading(resource.title);
    await t.check('library-to-review');
    // The moderator reads the file before deciding: "Open in the browser"
    // serves it inline. Fetched with the page's cookies rather than shown,
    // since headless Chromium has no PDF viewer.
    const preview = t.page.getByRole('link', { name: t.say({ sr: 'Otvori u pregledaču', en: 'Open in the browser' }), exact: true });
    const href = await preview.getAttribute('href');
    const response = await t.page.context().request.get(href);
    const body = await response.body();
    if (response.status() !== 200) throw new Error(`${href} answered ${response.status()}`);
    if (!String(response.headers()['content-type']).startsWith('application/pdf')) {
      throw new Error(`${href} is ${response.headers()['content-type']}, not application/pdf`);
    }
    if (!String(response.headers()['content-disposition']).startsWith('inline')) {
      throw new Error(`${href} should open in the browser, but its Content-Disposition is ${response.headers()['content-disposition']}`);
    }
    if (!body.toString('latin1').includes(nonce)) throw new Error(`${href} is not the PDF the practitioner submitted`);
  });

  await t.step('the moderator publishes it', async () => {
    await t.submit({ sr: 'Objavi', en: 'Publish' }, { within: 'main' });
    await t.expectPath(resourcePath);
    await t.expectFlash({ sr: 'Objavljeno; predlagač je obavešten.', en: 'Published; the submitter has been told.' });
    await t.check('library-published');
  });

  await t.step('the moderator features it on the home page', async () => {
    await t.fillForm({ featured: true });
    await t.submit({ sr: 'Sačuvaj oznake', en: 'Save the flags' }, { within: 'main' });
    await t.expectPath(resourcePath);
    await t.expectFlash({ sr: 'Sačuvano; izmena je zabeležena.', en: 'Saved; the change is logged.' });
    await signOut(t);
  });

  await t.step('the practitioner is told by e-mail', async () => {
    const mail = await t.waitForMail({
      to: author.email,
      where: (m) => visible(m.subject).includes(resource.title),
    });
    const subject = visible(mail.subject);
    const published = t.say({ sr: 'Objavljeno', en: 'Published' });
    if (!subject.startsWith(published)) throw new Error(`the e-mail's subject is "${subject}", expected "${published}: …"`);
    if (!mail.text.includes(resourcePath)) throw new Error(`the e-mail does not link to ${resourcePath}:\n${mail.text}`);
  });

  await t.step('a visitor sees featured resources on the home page', async () => {
    // The six variants feature theirs side by side and the home page shows
    // the newest four, so this variant's own may already have been pushed out.
    const featured = t.page.locator('main section[aria-labelledby="featured-title"]');
    await t.expectText({ sr: 'Istaknuto iz biblioteke', en: 'From the library' }, { within: 'main section[aria-labelledby="featured-title"] h2' });
    const cards = await featured.locator('ul.cards > li a[href^="/library/"]').count();
    if (cards < 1 || cards > 4) throw new Error(`expected one to four featured resources on the home page, found ${cards}`);
    await t.check('home-featured');
  });

  await t.step('a visitor searches in Cyrillic for a word inside the PDF', async () => {
    await t.followLink(LIBRARY, { within: 'nav.site-nav' });
    await t.expectPath('/library');
    await t.fillForm({ q: query }, { within: 'form.search' });
    await t.submit({ sr: 'Traži', en: 'Search' }, { within: 'form.search' });
    await t.expectPath(/^\/library\?/);
    const results = t.page.locator('main ol.resources');
    const deadline = Date.now() + EXTRACTION_TIMEOUT;
    // Until the scheduler has read the file, nothing has these words.
    while (!(await results.innerText().catch(() => '')).includes(resource.title)) {
      if (Date.now() > deadline) {
        throw new Error(
          `searching for "${query}" did not find "${resource.title}" within ${EXTRACTION_TIMEOUT / 1000} s ` +
            '(is pdftotext from poppler-utils installed?)',
        );
      }
      await t.page.waitForTimeout(3_000);
      await t.page.reload({ waitUntil: 'load' });
    }
    const found = await t.page.locator('main ol.resources > li').count();
    if (found !== 1) throw new Error(`expected only this variant's resource for "${query}", found ${found}`);
    await t.check('library-search-cyrillic');
  });

  await t.step('the visitor opens the resource and downloads the file', async () => {
    await t.followLink(resource.title, { within: 'main ol.resources' });
    await t.expectPath(resourcePath);
    await t.expectHeading(resource.title);
    await t.expectText(resource.summary, { within: 'main' });
    await t.check('library-resource');
    // The link says what the file is before a slow line is spent on it.
    const downloadName = new RegExp(`^${t.say({ sr: 'Preuzmi', en: 'Download' })} \\(PDF, \\d+([.,]\\d)? (B|KB|MB)\\)$`);
    const link = t.page.locator('main').getByRole('link', { name: downloadName });
    const [download] = await Promise.all([t.page.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    const bytes = await readFile(saved);
    if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the downloaded file does not start with %PDF');
    if (!bytes.equals(pdf)) throw new Error('the downloaded file is not the one the practitioner submitted');
    if (!download.suggestedFilename().endsWith('.pdf')) {
      throw new Error(`the download is named "${download.suggestedFilename()}", expected a .pdf`);
    }
    // The headers of the same link, as the browser got them.
    const response = await t.page.context().request.get(await link.getAttribute('href'));
    const headers = response.headers();
    if (response.status() !== 200) throw new Error(`the download answered ${response.status()}`);
    if (headers['content-type'] !== 'application/pdf') throw new Error(`the download is ${headers['content-type']}, not application/pdf`);
    if (!String(headers['content-disposition']).startsWith('attachment')) {
      throw new Error(`the download's Content-Disposition is ${headers['content-disposition']}, expected an attachment`);
    }
  });
}
