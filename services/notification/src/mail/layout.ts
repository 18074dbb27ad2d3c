/**
 * The platform's look for mail: one centred card on the app's pale background, the brand's violet
 * for the name and the button. Inline styles only (mail clients drop <style> blocks); a table
 * for the frame because Outlook lays out nothing else reliably.
 */

const BRAND = '#4f2bd9';
const TEXT = '#1b1930';
const MUTED = '#57546b';
const BACKGROUND = '#f6f5fb';
const LINE = '#e3e1ee';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A paragraph of plain text, escaped. */
export function paragraph(text: string, options: { muted?: boolean } = {}): string {
  return `<p style="margin:0 0 14px;color:${options.muted === true ? MUTED : TEXT};font-size:15px;line-height:1.5">${escapeHtml(text)}</p>`;
}

export function heading(text: string): string {
  return `<h1 style="margin:0 0 12px;color:${TEXT};font-size:22px;line-height:1.25">${escapeHtml(text)}</h1>`;
}

export function button(label: string, href: string): string {
  return `<p style="margin:20px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 22px;border-radius:10px">${escapeHtml(label)}</a></p>`;
}

/** Label/value rows (when, where, tickets). */
export function facts(rows: ReadonlyArray<readonly [string, string]>): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><td style="padding:6px 12px 6px 0;color:${MUTED};font-size:14px;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td>` +
        `<td style="padding:6px 0;color:${TEXT};font-size:15px">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${cells}</table>`;
}

/** Why the mail came, and the links under it (event page, stop these mails, settings). */
export interface MailFooter {
  reason: string;
  links: ReadonlyArray<readonly [label: string, href: string]>;
}

export function footerHtml(footer: MailFooter): string {
  const links = footer.links.map(([label, href]) => `<a href="${escapeHtml(href)}" style="color:${MUTED}">${escapeHtml(label)}</a>`).join(' · ');
  return `${escapeHtml(footer.reason)}${links === '' ? '' : ` ${links}`}`;
}

/** The plain-text footer: one line per link, after a blank line. */
export function footerText(footer: MailFooter): string[] {
  return ['', '--', footer.reason, ...footer.links.map(([label, href]) => `${label}: ${href}`)];
}

/** The whole message: the card with `body` (already HTML), and a footer saying why it came. */
export function layout(input: { title: string; preheader: string; body: string; footer: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(input.title)}</title></head>
<body style="margin:0;padding:0;background:${BACKGROUND};font-family:${FONT}">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" style="border-collapse:collapse;background:${BACKGROUND}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="border-collapse:collapse;max-width:560px">
<tr><td style="padding:0 4px 14px;font-size:20px;font-weight:800;color:${BRAND};letter-spacing:-0.02em">EventoNight</td></tr>
<tr><td style="background:#ffffff;border:1px solid ${LINE};border-radius:14px;padding:24px">${input.body}</td></tr>
<tr><td style="padding:14px 4px;color:${MUTED};font-size:12px;line-height:1.5">${input.footer}</td></tr>
</table></td></tr></table>
</body></html>`;
}
