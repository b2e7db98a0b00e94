// The report: readable in a terminal (cargo test streams it), grouped so
// that one problem in the shared layout shows up once, with the pages it is
// on, rather than 36 times. Also written to OUTPUT_DIR/report.txt and
// report.json.

import fs from 'node:fs';
import path from 'node:path';

let lines = [];
const out = (line = '') => lines.push(line);

/** Prints the report; returns true when everything passed. */
export function printReport(results, outputDir) {
  const text = renderReport(results, outputDir);
  fs.writeFileSync(path.join(outputDir, 'report.txt'), text.plain);
  console.log(text.plain);
  return text.passed;
}

export function writeReport(results, outputDir) {
  fs.mkdirSync(outputDir, { recursive: true });
  fs.writeFileSync(path.join(outputDir, 'report.json'), JSON.stringify(results, null, 2));
}

/** How many pages axe ran on; the rest share a skeleton with one of them. */
function audited(pages) {
  const twins = pages.filter((p) => p.axeTwinOf).length;
  return `(axe ran on ${pages.length - twins}; ${twins} shared the skeleton of one it ran on)`;
}

function renderReport(results, outputDir) {
  lines = [];
  const rel = (file) => path.relative(process.cwd(), file) || file;
  const variantsRun = [...new Set(results.journeys.map((j) => j.variant))];

  const failedSteps = results.steps.filter((s) => !s.ok);
  const failedJourneys = results.journeys.filter((j) => !j.ok);
  const pagesWithIssues = results.pages.filter((p) => p.issues.length);
  const axeRules = groupAxe(results.pages);
  const vnuGroups = groupVnu(results.vnu, results.pages);

  out('');
  out('══════════ Browser tests ══════════');
  out(
    `${results.browserVersion ? `Chromium ${results.browserVersion}, ` : ''}${variantsRun.length} variant(s), ` +
      `${results.pages.length} page check(s); browser ${sec(results.timings.browserMs)}, ` +
      `HTML validation ${sec(results.timings.vnuMs)}, total ${sec(results.timings.totalMs)}`,
  );

  out('');
  out('Journeys');
  const byOrder = (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1];
  for (const journey of [...results.journeys].sort(byOrder)) {
    const pages = results.pages.filter((p) => p.variant === journey.variant && p.journey === journey.journey).length;
    out(`  ${journey.ok ? '✓' : '✗'} ${journey.variant.padEnd(13)} ${journey.journey.padEnd(16)} ${String(pages).padStart(2)} page(s)  ${sec(journey.ms)}`);
    for (const step of results.steps.filter((s) => !s.ok && s.variant === journey.variant && s.journey === journey.journey)) {
      out(`      failed step: ${step.step}`);
      out(indent(trimStack(step.error), 8));
      if (step.evidence) {
        out(`        at ${step.evidence.url}${step.evidence.screenshot ? `; screenshot ${rel(step.evidence.screenshot)}` : ''}`);
      }
    }
  }

  out('');
  if (axeRules.length === 0) {
    out(`Accessibility (axe, WCAG 2.2 AA): no violations on ${results.pages.length} page(s) ✓ ${audited(results.pages)}`);
  } else {
    out(`Accessibility (axe, WCAG 2.2 AA): ${axeRules.length} rule(s) violated ✗`);
    for (const rule of axeRules) {
      out(`  ✗ ${rule.id} (${rule.impact}): ${rule.help}`);
      out(`    ${rule.helpUrl}`);
      for (const node of rule.nodes) {
        out(`    • ${node.target}`);
        out(`        ${node.html}`);
        if (node.summary) out(indent(wrap(node.summary, 100), 8));
        out(`        on: ${summarisePages(node.pages, variantsRun)}`);
      }
    }
  }

  out('');
  if (pagesWithIssues.length === 0) {
    out('Page checks (status, title, one <h1>, lang, resources, script errors): all passed ✓');
  } else {
    out('Page checks ✗');
    const byIssue = new Map();
    for (const page of pagesWithIssues) {
      for (const issue of page.issues) {
        if (!byIssue.has(issue)) byIssue.set(issue, []);
        byIssue.get(issue).push(page);
      }
    }
    for (const [issue, pages] of byIssue) {
      out(`  ✗ ${issue}`);
      out(`      on: ${summarisePages(pages, variantsRun)}`);
    }
  }

  out('');
  if (vnuGroups.length === 0 && !results.errors.some((e) => e.startsWith('HTML validation'))) {
    out(`HTML validation (Nu Html Checker): no errors in ${new Set(results.pages.map((p) => p.htmlFile)).size} page(s) ✓`);
  } else if (vnuGroups.length) {
    out(`HTML validation (Nu Html Checker): ${vnuGroups.length} distinct error(s) ✗`);
    for (const group of vnuGroups) {
      out(`  ✗ ${group.message}`);
      if (group.extract) out(`      ${group.extract}`);
      out(`      e.g. ${rel(group.first.file)}:${group.first.line}:${group.first.column}`);
      out(`      on: ${summarisePages(group.pages, variantsRun)}`);
    }
  }

  if (results.console.length) {
    out('');
    out('Browser console errors (reported, not failing):');
    const seen = new Map();
    for (const entry of results.console) {
      const key = entry.text;
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key).push(`${entry.variant} ${new URL(entry.url).pathname}`);
    }
    for (const [text, where] of seen) out(`  - ${text.slice(0, 300)} (${where.slice(0, 4).join(', ')}${where.length > 4 ? `, +${where.length - 4}` : ''})`);
  }

  if (results.errors.length) {
    out('');
    out('Run errors ✗');
    for (const error of results.errors) out(indent(trimStack(error), 2));
  }

  const problems = [
    failedSteps.length && `${failedSteps.length} failed step(s)`,
    failedJourneys.length && !failedSteps.length && `${failedJourneys.length} failed journey(s)`,
    axeRules.length && `${axeRules.length} axe rule(s) violated`,
    pagesWithIssues.length && `${pagesWithIssues.length} page(s) with problems`,
    vnuGroups.length && `${vnuGroups.length} HTML error(s)`,
    results.errors.length && `${results.errors.length} run error(s)`,
    results.journeys.length === 0 && 'no journey ran',
  ].filter(Boolean);
  const passed = problems.length === 0;
  out('');
  out(`Screenshots, saved pages and report.json: ${rel(outputDir)}/`);
  out(passed ? `RESULT: PASSED — ${results.journeys.length} journey run(s), ${results.pages.length} page check(s)` : `RESULT: FAILED — ${problems.join(', ')}`);
  out('');
  return { plain: lines.join('\n'), passed };
}

function groupAxe(pages) {
  const rules = new Map();
  for (const page of pages) {
    for (const violation of page.axe) {
      if (!rules.has(violation.id)) rules.set(violation.id, { ...violation, nodeMap: new Map() });
      const rule = rules.get(violation.id);
      for (const node of violation.nodes) {
        if (!rule.nodeMap.has(node.target)) rule.nodeMap.set(node.target, { ...node, pages: [] });
        rule.nodeMap.get(node.target).pages.push(page);
      }
    }
  }
  return [...rules.values()].map((rule) => ({ ...rule, nodes: [...rule.nodeMap.values()] }));
}

function groupVnu(messages, pages) {
  const pageByFile = new Map(pages.map((p) => [p.htmlFile, p]));
  const groups = new Map();
  for (const message of messages) {
    const key = `${message.message}\n${message.extract}`;
    if (!groups.has(key)) groups.set(key, { message: message.message, extract: message.extract, first: message, pages: [] });
    const page = pageByFile.get(message.file) || { variant: '?', name: path.basename(message.file) };
    const group = groups.get(key);
    if (!group.pages.includes(page)) group.pages.push(page);
  }
  return [...groups.values()];
}

/** "home, about (all variants); guidelines (en-js, en-nojs)" */
function summarisePages(pages, allVariants) {
  const byName = new Map();
  for (const page of pages) {
    const name = page.name;
    if (!byName.has(name)) byName.set(name, new Set());
    byName.get(name).add(page.variant);
  }
  const byVariants = new Map();
  for (const [name, variants] of byName) {
    const label = variants.size === allVariants.length ? 'all variants' : [...variants].sort().join(', ');
    if (!byVariants.has(label)) byVariants.set(label, []);
    byVariants.get(label).push(name);
  }
  return [...byVariants].map(([label, names]) => `${names.join(', ')} (${label})`).join('; ');
}

function sec(ms) {
  return ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`;
}

function indent(text, n) {
  return String(text)
    .split('\n')
    .map((line) => ' '.repeat(n) + line)
    .join('\n');
}

function wrap(text, width) {
  const words = text.split(' ');
  const result = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      result.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) result.push(line);
  return result.join('\n');
}

/** The error message and the first stack frame inside the journeys or lib. */
function trimStack(error) {
  const text = String(error);
  const [message, ...rest] = text.split('\n    at ');
  const ours =
    rest.find((frame) => /tests\/browser\/journeys\//.test(frame)) ||
    rest.find((frame) => /tests\/browser\/lib\//.test(frame) && !frame.includes('node_modules'));
  const short = message.split('\n').slice(0, 12).join('\n');
  return ours ? `${short}\n  at ${ours.trim()}` : short;
}
