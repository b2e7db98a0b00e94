import { launchBrowser, newContext } from './lib/browser.mjs';
import { runAxe } from './lib/axe.mjs';
const browser = await launchBrowser();
const base='http://127.0.0.1:18080';
const audit = await newContext(browser, {js:true, acceptLanguage:'en', baseUrl: base});
const ctx = await newContext(browser, {js:false, acceptLanguage:'en', baseUrl: base});
const page = await ctx.newPage();
let n=0, errs=0, t=Date.now();
for (let i=0;i<8;i++) for (const p of ['/', '/guidelines','/child-safeguarding','/privacy','/about']) {
  await page.goto(p);
  try { await runAxe(page, {js:false, auditContext: audit}); n++ }
  catch(e) { errs++; console.log(p, 'ERR', e.message.split('\n')[0]); }
}
console.log(n, 'ok', errs, 'errors', (Date.now()-t)/n, 'ms each');
await browser.close();
