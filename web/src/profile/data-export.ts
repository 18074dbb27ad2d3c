import { call } from '../api/client';
import type { paths as UserPaths } from '../api/generated/user';
import { useApi } from '../app/context';
import { formatDate, type FormatContext } from '../ui/format';

/**
 * "Download my data" (GDPR art. 15 and 20): the user service gathers a copy of everything
 * EventoNight holds about the person from every service, and the page downloads the zip with
 * the person's token once it is ready.
 */

export type DataExport = UserPaths['/users/me/exports']['post']['responses'][202]['content']['application/json'];

/** While an export is being prepared the page asks again this often. */
export const POLL_MS = 3_000;

export async function requestDataExport(): Promise<DataExport> {
  return call(useApi().user.POST('/users/me/exports'));
}

/** The latest export, or null when the person never asked (or every export was deleted). */
export async function latestDataExport(): Promise<DataExport | null> {
  const page = await call(useApi().user.GET('/users/me/exports'));
  return page.items[0] ?? null;
}

/** The archive as bytes, fetched with the person's token (a plain link would carry none). */
export async function fetchArchive(exportId: string): Promise<Blob> {
  return call(useApi().user.GET('/users/me/exports/{exportId}/archive', { params: { path: { exportId } }, parseAs: 'blob' }));
}

/** The file name the service gives it (its Content-Disposition is not exposed across origins). */
export function archiveFileName(dataExport: Pick<DataExport, 'requestedAt'>): string {
  return `eventonight-data-${dataExport.requestedAt.slice(0, 10)}.zip`;
}

/** Saves bytes as a download: a temporary object URL clicked through a hidden link. */
export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}

export type PanelState =
  | { kind: 'none'; note: string | null }
  | { kind: 'preparing'; progress: string }
  | { kind: 'ready'; label: string; until: string };

const PARTS = 7;

/** What the "Your data" section shows for the latest export. */
export function panelState(latest: DataExport | null, context: FormatContext = {}): PanelState {
  if (latest === null) return { kind: 'none', note: null };
  switch (latest.status) {
    case 'preparing':
      return { kind: 'preparing', progress: `${latest.receivedParts.length} of ${PARTS} parts gathered` };
    case 'ready': {
      const until = formatDate(latest.expiresAt ?? latest.requestedAt, context);
      return { kind: 'ready', label: `Download (available until ${until})`, until };
    }
    case 'expired':
      return { kind: 'none', note: 'Your last archive has expired and was deleted. You can ask for a new one.' };
    case 'incomplete':
      return {
        kind: 'none',
        note: 'We could not finish your last archive: part of EventoNight did not answer in time. Please ask again.',
      };
  }
}
