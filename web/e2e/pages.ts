import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type jsQRType from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { infra } from '@eventonight/testing';

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

/**
 * The page is Keycloak's, dressed by the realm's eventonight theme (ADR 0033): its stylesheet and
 * class, the app's background and font applied, the app's name above the card.
 */
export async function assertThemed(page: Page, what: string): Promise<void> {
  assert.equal(new URL(page.url()).origin, new URL(infra.keycloakUrl).origin, `${what}: on Keycloak (${page.url()})`);
  assert.equal(await page.locator('html.en-kc').count(), 1, `${what}: the theme's class on <html>`);
  assert.equal(await page.locator('link[rel="stylesheet"][href*="/login/eventonight/css/eventonight.css"]').count(), 1, `${what}: the theme's stylesheet`);
  const looks = await page.evaluate(() => ({ background: getComputedStyle(document.documentElement).backgroundColor, font: getComputedStyle(document.body).fontFamily }));
  assert.equal(looks.background, 'rgb(246, 245, 251)', `${what}: the app's background, not the browser's white`);
  assert.match(looks.font, /system-ui/, `${what}: the app's font`);
  await page.locator('#kc-header-wrapper').getByText('EventoNight').waitFor();
}

export const SCREENSHOT_DIR = new URL('../screenshots/', import.meta.url);

/** Saves the page at phone (360 px) and desktop (1280 px) widths. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0)); // a sticky header stays on top of the capture
    await page.waitForTimeout(150); // let layout settle after the resize
    await page.screenshot({ path: fileURLToPath(new URL(`${name}-${width}.png`, SCREENSHOT_DIR)), fullPage: true });
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
