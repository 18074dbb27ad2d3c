import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type jsQRType from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose typings declare an ES default export: load it the CommonJS way.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof jsQRType.default;

/** Helpers the browser tests share: the real Keycloak login form, screenshots, axe, QR decoding. */

/** Types into Keycloak's own login page (never a token shortcut) and waits to be back in the app. */
export async function signInOnKeycloak(page: Page, appBaseUrl: string, email: string, password: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.includes('/protocol/openid-connect/auth') || url.pathname.includes('/login-actions/'));
  const username = page.locator('#username');
  if ((await username.inputValue()) !== email) await username.fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === new URL(appBaseUrl).origin && url.pathname !== '/auth/callback');
  await page.getByRole('button', { name: /^Account:/ }).waitFor();
}

export const SCREENSHOT_DIR = new URL('../screenshots/', import.meta.url);

/** Saves the page at phone (360 px) and desktop (1280 px) widths. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150); // let layout settle after the resize
    await page.screenshot({ path: new URL(`${name}-${width}.png`, SCREENSHOT_DIR).pathname, fullPage: true });
  }
  await page.setViewportSize(original);
}

/** The serious and critical axe-core violations of the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Reads a QR code from what the browser actually rendered (a screenshot of the element). */
export async function decodeQr(image: Locator): Promise<string | null> {
  const png = PNG.sync.read(await image.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return decoded?.data ?? null;
}
