import { writeFile } from 'node:fs/promises';
import { launchBrowser } from '../../../web/e2e/browser.js';
import { prometheusUrl } from './monitoring.js';

/**
 * Prometheus' own alerts page with rule `alertName` opened, once `expectedText` (e.g. the label
 * value of the alert just raised) shows in it, as a PNG at `file` for docs/monitoring/.
 * Prometheus' web UI is built by infra/setup.sh; when that build failed the page is not there and
 * this says so instead of drawing an error page.
 */
export async function saveAlertsPicture(alertName: string, expectedText: string, file: string): Promise<void> {
  const page = await fetch(`${prometheusUrl}/alerts`);
  if (!page.ok) throw new Error(`Prometheus serves no alerts page (${page.status}): its web UI was not built (infra/setup.sh log)`);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await tab.goto(`${prometheusUrl}/alerts?search=${encodeURIComponent(alertName)}`);
    await tab.getByText(alertName, { exact: true }).first().click();
    await tab.getByText(expectedText).first().waitFor();
    // The rule's panel opens with a transition: a picture taken during it shows half a table.
    // (A string: it runs in the page, and tests/ are compiled without the DOM's types.)
    await tab.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running')");
    await writeFile(file, await tab.screenshot({ fullPage: true }));
  } finally {
    await browser.close();
  }
}
