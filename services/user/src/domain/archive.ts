import type { ExportRow, ExportSections, ExportSource } from '@eventonight/contracts';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { EXPORT_SOURCES, type DataExport } from './data-export.js';

type ExportCell = ExportRow[string];

/**
 * The archive a member downloads: `data.json` with everything (by source, then section), one CSV
 * per non-empty section (`<source>-<section>.csv`) for spreadsheets, and README.txt saying what
 * each file holds. Built on request from the stored parts; nothing here does I/O.
 */

const SOURCE_TITLES: Record<ExportSource, string> = {
  user: 'Your account: profile, preferred categories and organization details',
  event: 'Events you organise',
  interaction: 'Your likes, follows, participations and reviews',
  chat: 'Your conversations and messages',
  ticketing: 'Your orders, tickets and payments',
  notification: 'Your notifications and notification settings',
  media: 'The images you uploaded',
};

/** `sold_tickets` → "sold tickets". */
function words(name: string): string {
  return name.replace(/_/g, ' ');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab / carriage return) as a formula
 * (CSV injection): such text gets a leading apostrophe, which spreadsheets show as text. Numbers
 * and booleans are written as they are.
 */
export function csvCell(value: ExportCell | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header row (every column any row has, in order of appearance), CRLF line ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const column of Object.keys(row)) {
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    }
  }
  const lines = [columns.map((column) => csvCell(column)), ...rows.map((row) => columns.map((column) => csvCell(row[column])))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

export interface ArchiveInput {
  dataExport: DataExport;
  parts: Partial<Record<ExportSource, ExportSections>>;
}

export function archiveFileName(dataExport: DataExport): string {
  return `eventonight-data-${dataExport.requestedAt.slice(0, 10)}.zip`;
}

function readme(input: ArchiveInput, csvFiles: ReadonlyArray<{ name: string; rows: number }>): string {
  const { dataExport, parts } = input;
  const lines = [
    'Your EventoNight data',
    '=====================',
    '',
    `This archive holds everything EventoNight stored about your account (${dataExport.userId})`,
    `when you asked for it on ${dataExport.requestedAt} (UTC). Times are in UTC, ISO 8601.`,
    '',
    'data.json',
    '  Everything, in one file a program can read: "sources" holds one entry per part of',
    '  EventoNight, and each entry one list of records per kind of data ("section").',
    '',
    'CSV files (open them with a spreadsheet; UTF-8, comma-separated, first row = column names)',
  ];
  if (csvFiles.length === 0) lines.push('  none');
  for (const file of csvFiles) lines.push(`  ${file.name}: ${file.rows} ${file.rows === 1 ? 'row' : 'rows'}`);
  lines.push(
    '',
    '  Text that begins with = + - or @ is written with an apostrophe before it, so that a',
    '  spreadsheet shows it as text instead of running it as a formula.',
    '',
    'What each part holds',
  );
  for (const source of EXPORT_SOURCES) {
    const sections = parts[source] ?? {};
    const names = Object.keys(sections).sort();
    const filled = names.filter((name) => (sections[name]?.length ?? 0) > 0);
    const empty = names.filter((name) => (sections[name]?.length ?? 0) === 0);
    lines.push(`  ${source}: ${SOURCE_TITLES[source]}`);
    if (names.length === 0) lines.push('    none');
    for (const name of filled) lines.push(`    ${words(name)}: ${source}-${name}.csv`);
    for (const name of empty) lines.push(`    ${words(name)}: none`);
  }
  lines.push(
    '',
    'This download link works for 7 days after the archive was prepared; then the archive is',
    'deleted from EventoNight. You can ask for a new one at any time from your profile page.',
    '',
  );
  return lines.join('\r\n');
}

/** The zip's bytes: data.json, the CSVs of the non-empty sections, README.txt. */
export function buildArchive(input: ArchiveInput): Uint8Array {
  const { dataExport, parts } = input;
  const sources: Record<string, ExportSections> = {};
  for (const source of EXPORT_SOURCES) sources[source] = parts[source] ?? {};
  const data = {
    format: 'eventonight-data-export/1',
    exportId: dataExport._id,
    accountId: dataExport.userId,
    requestedAt: dataExport.requestedAt,
    preparedAt: dataExport.readyAt,
    sources,
  };
  const files: Zippable = { 'data.json': strToU8(JSON.stringify(data, null, 2)) };
  const csvFiles: Array<{ name: string; rows: number }> = [];
  for (const source of EXPORT_SOURCES) {
    const sections = sources[source] ?? {};
    for (const name of Object.keys(sections).sort()) {
      const rows = sections[name] ?? [];
      if (rows.length === 0) continue;
      const file = `${source}-${name}.csv`;
      // The byte order mark tells spreadsheet programs the file is UTF-8 (accents, emoji).
      files[file] = strToU8(`\uFEFF${toCsv(rows)}`);
      csvFiles.push({ name: file, rows: rows.length });
    }
  }
  files['README.txt'] = strToU8(readme(input, csvFiles));
  return zipSync(files, { level: 6 });
}
