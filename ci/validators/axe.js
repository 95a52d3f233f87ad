// Runs axe-core (WCAG 2.2 AA rules) on each HTML file given, in headless Chromium, checks that
// no page is wider than a 390 px phone screen, and exits non-zero with one line per violation
// if any: `node axe.js FILE...` (absolute or relative
// paths). CHROMIUM overrides the browser's path (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const PHONE = 390;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main(files) {
  if (files.length === 0) {
    console.error('usage: node axe.js FILE...');
    return 2;
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  let violations = 0;
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto('file://' + path.resolve(file));
      await page.evaluate(axeSource);
      const found = await page.evaluate(async (tags) => {
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        }));
      }, TAGS);
      // Nothing wider than a phone: tables scroll inside their own box.
      await page.setViewport({ width: PHONE, height: 2000 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > PHONE) {
        violations += 1;
        console.log(`${file}: page ${wide} px wide on a ${PHONE} px screen`);
      }
      for (const v of found) {
        violations += v.targets.length;
        console.log(`${file}: ${v.id} (${v.impact}) on ${v.targets.length} node(s): ${v.help}`);
        for (const t of v.targets.slice(0, 5)) console.log(`    ${t}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} file(s), ${violations} violation node(s)`);
  return violations === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(2);
});
