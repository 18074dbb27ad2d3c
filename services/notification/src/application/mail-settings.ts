import { problemOf, problemSubtype, type ErasureLedger } from '@eventonight/platform';
import { MAIL_LOCALES, OPTIONAL_MAIL_KINDS, type MailLocale, type MailSettings, type OptionalMailKind } from '../domain/mail-preferences.js';
import { verifyUnsubscribeToken } from '../domain/unsubscribe-token.js';
import type { PreferencesRepository } from '../persistence/preferences.js';
import type { Clock } from './ports.js';

/** A token this service did not sign (forged, altered, cut short): nothing is changed. */
export const unsubscribeLinkInvalid = problemSubtype('unprocessable', 'unsubscribe-link-invalid', 'Unsubscribe link not valid');

export interface MailSettingsDeps {
  preferences: PreferencesRepository;
  ledger: ErasureLedger;
  clock: Clock;
  unsubscribeSecret: string;
  /** What a member who chose nothing gets (MAIL_LOCALE, MAIL_TIME_ZONE). */
  platformFormat: { locale: string; timeZone: string };
}

/** A member's mail settings with what they choose from, as the settings page shows them. */
export interface MailSettingsView {
  off: OptionalMailKind[];
  locale: MailSettings['locale'];
  timeZone: string | null;
  kinds: OptionalMailKind[];
  locales: MailLocale[];
  defaults: { locale: string; timeZone: string };
}

export function mailSettingsView(settings: MailSettings, deps: Pick<MailSettingsDeps, 'platformFormat'>): MailSettingsView {
  return { ...settings, off: [...settings.off], kinds: [...OPTIONAL_MAIL_KINDS], locales: [...MAIL_LOCALES], defaults: { ...deps.platformFormat } };
}

function claimOf(deps: MailSettingsDeps, token: string) {
  const claim = verifyUnsubscribeToken(deps.unsubscribeSecret, token);
  if (claim === null) throw problemOf(unsubscribeLinkInvalid, 'This unsubscribe link was not issued by EventoNight or was changed; nothing was changed.');
  return claim;
}

/** What an unsubscribe link would stop, and whether that mail is still on. Reads only: link scanners follow GETs. */
export async function describeUnsubscribe(deps: MailSettingsDeps, token: string): Promise<{ kind: OptionalMailKind; subscribed: boolean }> {
  const { memberId, kind } = claimOf(deps, token);
  if (await deps.ledger.isErased(memberId)) return { kind, subscribed: false };
  const settings = await deps.preferences.mailSettingsOf(memberId);
  return { kind, subscribed: !settings.off.includes(kind) };
}

/**
 * The one-click unsubscribe (RFC 8058): stops this member's mail of this kind, nothing else (their
 * in-app notices and other mails stay). Idempotent. An erased member has no preferences to write
 * and gets no mail anyway, so nothing is stored for them.
 */
export async function unsubscribe(deps: MailSettingsDeps, token: string): Promise<{ kind: OptionalMailKind; subscribed: false }> {
  const { memberId, kind } = claimOf(deps, token);
  if (await deps.ledger.isErased(memberId)) return { kind, subscribed: false };
  await deps.preferences.stopMail(memberId, kind, deps.clock());
  return { kind, subscribed: false };
}
