// Reading the e-mail the server under test sends. Without SMTP_URL, Kolega's
// mail worker writes every message as an `.eml` file to $KOLEGA_DATA_DIR/mail/,
// which tests/browser.rs passes on as MAIL_DIR. The worker polls every second
// in the browser tests, so a message shows up shortly after the action.

import fs from 'node:fs';
import path from 'node:path';

import { TIMEOUTS } from './config.mjs';

/** Files this process has already handed to a journey: each mail is "new" once. */
const consumed = new Set();

function mailDir(dir) {
  const resolved = dir || process.env.MAIL_DIR;
  if (!resolved) throw new Error('MAIL_DIR is not set: the server must write mail to files (leave SMTP_URL unset)');
  return resolved;
}

/** The mail files there are now; pass it as `after` to wait for a later one. */
export function mailSnapshot(dir) {
  return new Set(listMail(mailDir(dir)).map((entry) => entry.name));
}

/**
 * Waits for a new message (one not in `after`, not returned before) that
 * matches `to` (recipient address, case-insensitive) and `subject` (string
 * contained in it, or RegExp), and returns it parsed:
 * { file, to, subject, text, html }.
 */
export async function waitForMail({ to, subject, after, timeout = TIMEOUTS.mail, dir, where } = {}) {
  const folder = mailDir(dir);
  const deadline = Date.now() + timeout;
  let seen = [];
  for (;;) {
    const entries = listMail(folder)
      .filter((entry) => !consumed.has(entry.path) && !(after && after.has(entry.name)))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    seen = [];
    for (const entry of entries) {
      let mail;
      try {
        mail = parseEml(fs.readFileSync(entry.path, 'utf8'));
      } catch {
        continue; // still being written; look again on the next round
      }
      mail.file = entry.path;
      seen.push(`${mail.to} — ${mail.subject}`);
      if (to && !mail.to.toLowerCase().includes(to.toLowerCase())) continue;
      if (subject && !matches(mail.subject, subject)) continue;
      if (where && !where(mail)) continue;
      consumed.add(entry.path);
      return mail;
    }
    if (Date.now() > deadline) {
      const wanted = [to && `to ${to}`, subject && `subject ${subject}`].filter(Boolean).join(', ') || 'any';
      throw new Error(
        `no new e-mail (${wanted}) in ${folder} within ${timeout / 1000} s` +
          (seen.length ? `; new mail there: ${seen.join('; ')}` : '; no new mail arrived at all'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits for a new e-mail that contains a link matching `pattern` (a RegExp,
 * or a string the URL must contain, e.g. '/verify/') and returns that URL.
 * Narrow it with { to, subject, after } as for waitForMail.
 */
export async function latestMailLink(pattern, options = {}) {
  let link = null;
  const mail = await waitForMail({
    ...options,
    where: (candidate) => {
      link = findLink(candidate, pattern);
      return Boolean(link) && (!options.where || options.where(candidate));
    },
  });
  return link ?? findLink(mail, pattern);
}

/** The first URL in the message (plain text first, then HTML) matching `pattern`. */
export function findLink(mail, pattern) {
  const urls = [...extractUrls(mail.text), ...extractUrls(decodeEntities(mail.html))];
  return urls.find((url) => matches(url, pattern)) ?? null;
}

function extractUrls(text) {
  return (text.match(/https?:\/\/[^\s<>"'`)\]]+/g) || []).map((url) => url.replace(/[.,;:!?]+$/, ''));
}

function matches(text, pattern) {
  return pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern);
}

function listMail(folder) {
  let names;
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.eml'))
    .map((name) => {
      const full = path.join(folder, name);
      try {
        return { name, path: full, mtimeMs: fs.statSync(full).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}

// --- A small MIME reader: enough for the messages lettre writes. ---

/** Parses one message: { to, subject, from, text, html, headers }. */
export function parseEml(source) {
  const part = parsePart(source.replace(/\r\n/g, '\n'));
  if (!part.headers['content-type'] && !part.body.trim()) throw new Error('empty message');
  const texts = { text: '', html: '' };
  collect(part, texts);
  const header = (name) => decodeWords(part.headers[name] || '');
  return {
    headers: part.headers,
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    text: texts.text,
    html: texts.html,
  };
}

function parsePart(source) {
  const split = source.indexOf('\n\n');
  const head = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? '' : source.slice(split + 2);
  const headers = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function collect(part, texts) {
  const type = (part.headers['content-type'] || 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(part.headers['content-type'])?.[1];
    if (!boundary) return;
    const pieces = part.body.split(`--${boundary}`);
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      collect(parsePart(piece.replace(/^\n/, '')), texts);
    }
    return;
  }
  const decoded = decodeBody(part.body, part.headers['content-transfer-encoding'], charsetOf(type));
  if (type.startsWith('text/html')) texts.html += decoded;
  else if (type.startsWith('text/')) texts.text += decoded;
}

function charsetOf(type) {
  return /charset="?([^";]+)"?/i.exec(type)?.[1] || 'utf-8';
}

function decodeBody(body, encoding = '7bit', charset = 'utf-8') {
  const enc = encoding.toLowerCase().trim();
  let bytes;
  if (enc === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (enc === 'quoted-printable') bytes = quotedPrintable(body);
  else bytes = Buffer.from(body, 'utf8');
  return new TextDecoder(charset).decode(bytes);
}

function quotedPrintable(text) {
  const source = text.replace(/=\n/g, '');
  const chunks = [];
  const escape = /=([0-9A-Fa-f]{2})/g;
  let last = 0;
  for (let match; (match = escape.exec(source)); ) {
    chunks.push(Buffer.from(source.slice(last, match.index), 'utf8'), Buffer.from([parseInt(match[1], 16)]));
    last = escape.lastIndex;
  }
  chunks.push(Buffer.from(source.slice(last), 'utf8'));
  return Buffer.concat(chunks);
}

/** RFC 2047 encoded words (=?utf-8?b?…?= and =?utf-8?q?…?=) in headers. */
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset, kind, text) => {
      const bytes =
        kind.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64')
          : quotedPrintable(text.replace(/_/g, ' '));
      return new TextDecoder(charset).decode(bytes);
    });
}

function decodeEntities(html) {
  return html
    .replace(/&amp;/g, '&')
    .replace(/&#x2f;/gi, '/')
    .replace(/&#47;/g, '/')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
