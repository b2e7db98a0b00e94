// HTML validation with the Nu Html Checker (npm `vnu-jar`), run once over
// every page the journeys saved: one JVM start for the whole run.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { VNU_JAR } from './config.mjs';

/**
 * Validates `files` and returns { messages: [{ file, line, column, message, extract }] }.
 * Throws when the checker cannot run at all (no Java, no jar).
 */
export async function runVnu(files) {
  if (files.length === 0) return { messages: [] };
  if (!fs.existsSync(VNU_JAR)) {
    throw new Error(`the Nu Html Checker is missing (${VNU_JAR}); run \`npm ci\` in tests/browser`);
  }
  const java = process.env.JAVA || 'java';
  const args = ['-Xss8m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files];
  const { code, stdout, stderr } = await run(java, args);
  let report;
  try {
    // vnu writes its JSON report to stderr.
    report = JSON.parse(stderr.trim() || stdout.trim() || '{"messages":[]}');
  } catch {
    throw new Error(`the Nu Html Checker failed (exit ${code}):\n${stderr || stdout}`);
  }
  const messages = (report.messages || [])
    .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
    .map((m) => ({
      file: m.url ? toPath(m.url) : '(checker)',
      line: m.lastLine ?? m.firstLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
      extract: (m.extract || '').replace(/\s+/g, ' ').trim(),
    }));
  return { messages };
}

function toPath(url) {
  try {
    return path.resolve(fileURLToPath(url));
  } catch {
    return url;
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      if (error.code === 'ENOENT') {
        reject(new Error(`\`${command}\` is not installed; the Nu Html Checker needs Java 11 or newer: apt-get install default-jre-headless`));
      } else {
        reject(error);
      }
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
