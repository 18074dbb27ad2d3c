import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../src/config/runtime-config';
import { paymentPageOf } from '../src/tickets/checkout-redirect';

const apis = { user: '/api/user/', event: '/api/event', interaction: '/api/interaction', chat: '/api/chat', ticketing: '/api/ticketing', notification: '/api/notification', media: '/api/media' };

describe('runtime config', () => {
  it('parses the served file and trims trailing slashes', () => {
    const config = parseRuntimeConfig({ api: apis, socket: { url: '', path: '/socket.io' }, keycloak: { url: 'https://auth.example.com/', realm: 'eventonight', clientId: 'eventonight-web' } });
    expect(config.api.user).toBe('/api/user');
    expect(config.keycloak.url).toBe('https://auth.example.com');
    expect(config.localCheckoutUrl).toBeNull();
  });

  it('names the missing field of a wrong deployment', () => {
    expect(() => parseRuntimeConfig({ api: { ...apis, media: undefined }, socket: { url: '', path: '/' }, keycloak: { url: 'x', realm: 'r', clientId: 'c' } })).toThrow('api.media');
  });
});

describe('where the buyer pays', () => {
  const order = {
    orderId: 'ord_1',
    eventId: 'e',
    tierId: 't',
    quantity: 2,
    total: { amountMinor: 3000, currency: 'eur' },
    status: 'awaiting_payment' as const,
    checkoutUrl: 'https://checkout.stripe.com/pay/c/cs_x',
    checkoutSessionId: 'cs_test_1',
    ticketIds: [],
    createdAt: '2026-12-01T00:00:00Z',
  };

  it('Stripe’s page in production, the local stand-in when the config names one', () => {
    expect(paymentPageOf(order, null, 'https://app.example.com')).toBe(order.checkoutUrl);
    const local = new URL(paymentPageOf(order, '/local-checkout/', 'http://127.0.0.1:5180') ?? '');
    expect(local.pathname).toBe('/local-checkout/');
    expect(Object.fromEntries(local.searchParams)).toEqual({ order: 'ord_1', session: 'cs_test_1', amount: '3000', currency: 'eur', return: '/orders/ord_1' });
  });

  it('nothing to pay once the order left awaiting_payment', () => {
    expect(paymentPageOf({ ...order, status: 'paid', checkoutUrl: null }, null, 'https://app.example.com')).toBeNull();
  });
});
