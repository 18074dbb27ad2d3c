/**
 * The attendee list as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled). A cell that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/CR) is prefixed with an apostrophe.
 */

export interface AttendeeRow {
  ticketId: string;
  orderId: string;
  tierName: string;
  holderName: string | null;
  status: 'valid' | 'used' | 'invalidated';
  usedAt: string | null;
}

export const CSV_HEADER = ['Name', 'Tier', 'Order', 'Ticket', 'Checked in', 'Checked in at', 'Status'] as const;

const STATUS_LABEL: Record<AttendeeRow['status'], string> = { valid: 'valid', used: 'used', invalidated: 'refunded' };

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function attendeesCsv(rows: readonly AttendeeRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.holderName ?? '(name unknown)',
        row.tierName,
        row.orderId,
        row.ticketId,
        row.status === 'used' ? 'yes' : 'no',
        row.usedAt ?? '',
        STATUS_LABEL[row.status],
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "attendees-summer-night-2026-12-06.csv": a file name safe on every system. */
export function csvFileName(title: string, today: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `attendees-${slug || 'event'}-${today.toISOString().slice(0, 10)}.csv`;
}
