import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/browser.js';
import { publishEvents, registerOrganization } from '../e2e/demo-data.js';
import { startWebStack } from '../e2e/stack.js';

/**
 * `npm run bench:web` (a benchmark, never a test; build first):
 *  1. the JavaScript and CSS the first route (home) loads, gzipped — goal ≤ 150 KB of JS;
 *  2. from Chromium against the platform (built services, 200 published events), the time from
 *     navigation to the first event card on the home page — goal ≤ 1 s locally, median of 5.
 */

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', dist), 'utf8')) as Record<string, ManifestChunk>;

/** A chunk and everything it imports statically: what the browser must fetch before it runs. */
function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || manifest[key] === undefined) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}

const firstRoute = closure(['index.html', 'src/events/HomePage.vue']);
let js = 0;
let css = 0;
const cssFiles = new Set<string>();
for (const key of firstRoute) {
  const chunk = manifest[key];
  if (chunk === undefined) continue;
  js += gzipSync(await readFile(new URL(chunk.file, dist))).length;
  for (const file of chunk.css ?? []) cssFiles.add(file);
}
for (const file of cssFiles) css += gzipSync(await readFile(new URL(file, dist))).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`first route (home): JavaScript ${kb(js)} gzipped (goal ≤ 150 KB) ${js <= 150 * 1024 ? 'OK' : 'OVER'}, CSS ${kb(css)} gzipped`);

// `-- --sizes-only`: just the sizes (no platform, no browser).
if (process.argv.includes('--sizes-only')) process.exit(0);

const stack = await startWebStack();
try {
  const organizer = await registerOrganization(stack.system, 'Bench Nights');
  for (let batch = 0; batch < 10; batch += 1) {
    await publishEvents(stack.system, organizer, 20, (i) => `Bench event ${batch * 20 + i + 1}`);
  }
  const browser = await launchBrowser();
  const samples: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(stack.baseUrl, { waitUntil: 'commit' });
    await page.locator('article.event-card').first().waitFor();
    // performance.now() counts from the navigation's start (the page's time origin).
    samples.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`navigation → first event card, 200 published events: median ${median.toFixed(0)} ms of ${samples.map((ms) => ms.toFixed(0)).join(', ')} (goal ≤ 1000 ms) ${median <= 1000 ? 'OK' : 'OVER'}`);
} finally {
  await stack.stop();
}

// The organization's pages (issue 15): sales page with 1,000 sold tickets, door page scans.
await import('./workspace.bench.js');
