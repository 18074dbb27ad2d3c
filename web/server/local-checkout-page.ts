/**
 * LOCAL ONLY: a stand-in for Stripe's hosted Checkout page (stripe-mock has none). "Pay"
 * and "Cancel" post back to the local server, which sends ticketing the signed webhook
 * Stripe would send. Plain HTML, no script: it must work even if the app's bundle does not.
 */

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function amountLabel(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

export function localCheckoutPage(query: URLSearchParams): string {
  const field = (name: string): string => escapeHtml(query.get(name) ?? '');
  const amount = Number(query.get('amount') ?? 0);
  const hidden = ['order', 'session', 'amount', 'currency', 'return']
    .map((name) => `<input type="hidden" name="${name}" value="${field(name)}">`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test checkout (local) — EventoNight</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f6f5fb; color: #1b1930; display: grid; place-items: center; min-height: 100vh; }
  main { box-sizing: border-box; background: #fff; border: 1px solid #e3e1ee; border-radius: 16px; padding: 28px; width: min(420px, calc(100vw - 32px)); box-shadow: 0 4px 16px rgba(27,25,48,.08); }
  .badge { display: inline-block; background: #fff3cd; color: #664d03; border-radius: 999px; padding: 4px 12px; font-size: .85rem; font-weight: 700; }
  h1 { font-size: 1.4rem; margin: 14px 0 4px; }
  p { color: #57546b; }
  .amount { font-size: 2rem; font-weight: 800; margin: 8px 0 4px; color: #1b1930; }
  .row { display: grid; gap: 10px; margin-top: 20px; }
  button { min-height: 48px; border-radius: 999px; border: 1px solid transparent; font: inherit; font-weight: 700; cursor: pointer; }
  .pay { background: #4f2bd9; color: #fff; }
  .cancel { background: #fff; color: #1b1930; border-color: #e3e1ee; }
  button:focus-visible { outline: 3px solid #4f2bd9; outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <span class="badge">Local test checkout — no real payment</span>
  <h1>Pay for your tickets</h1>
  <p class="amount">${escapeHtml(amountLabel(amount, query.get('currency') ?? 'eur'))}</p>
  <p>This page stands in for Stripe Checkout on a local set-up. "Pay" tells ticketing the payment succeeded, exactly as Stripe's signed webhook would; "Cancel" tells it the session expired.</p>
  <form method="post" action="/local-checkout/complete" class="row">
    ${hidden}
    <button class="pay" type="submit" name="outcome" value="paid">Pay</button>
    <button class="cancel" type="submit" name="outcome" value="cancelled">Cancel</button>
  </form>
</main>
</body>
</html>`;
}
