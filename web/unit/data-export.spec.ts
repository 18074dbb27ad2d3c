import { describe, expect, it } from 'vitest';
import { archiveFileName, panelState, type DataExport } from '../src/profile/data-export';
import { problemMessage } from '../src/ui/problem';

const base: DataExport = {
  exportId: 'e1',
  status: 'preparing',
  requestedAt: '2026-06-05T21:30:00.000Z',
  readyAt: null,
  expiresAt: null,
  receivedParts: ['user', 'chat'],
  missingParts: ['event', 'interaction', 'ticketing', 'notification', 'media'],
};
const context = { locale: 'en-GB', timeZone: 'Europe/Rome' };

describe('the "Your data" section', () => {
  it('offers the download when there is no export yet', () => {
    expect(panelState(null, context)).toEqual({ kind: 'none', note: null });
  });

  it('shows the progress while the archive is being prepared', () => {
    expect(panelState(base, context)).toEqual({ kind: 'preparing', progress: '2 of 7 parts gathered' });
  });

  it('names the last day of a ready archive in the person’s zone', () => {
    const ready = { ...base, status: 'ready' as const, readyAt: '2026-06-05T21:30:05.000Z', expiresAt: '2026-06-12T22:30:05.000Z' };
    expect(panelState(ready, context)).toEqual({ kind: 'ready', label: 'Download (available until 13 June 2026)', until: '13 June 2026' });
  });

  it('explains an expired or unfinished archive in a sentence', () => {
    expect(panelState({ ...base, status: 'expired' }, context)).toMatchObject({ kind: 'none', note: expect.stringMatching(/expired/) });
    expect(panelState({ ...base, status: 'incomplete' }, context)).toMatchObject({ kind: 'none', note: expect.stringMatching(/could not finish/) });
  });

  it('names the file as the service does: eventonight-data-<day requested>.zip', () => {
    expect(archiveFileName(base)).toBe('eventonight-data-2026-06-05.zip');
  });

  it('turns the export and account problems into sentences', () => {
    const problems = 'https://eventonight.dev/problems/';
    expect(problemMessage({ type: `${problems}export-expired`, title: 'Export expired', status: 410, detail: 'x' })).toMatch(/expired.*new copy/);
    expect(problemMessage({ type: `${problems}account-deleted`, title: 'Account deleted', status: 401, detail: 'x' })).toMatch(/has been deleted/);
  });
});
