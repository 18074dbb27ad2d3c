import { describe, expect, it } from 'vitest';
import { attendeesCsv, csvCell, csvFileName } from '../src/organizer/attendees-csv';

describe('attendee CSV', () => {
  it('has a header and one CRLF-terminated line per ticket', () => {
    const csv = attendeesCsv([
      { ticketId: 't1', orderId: 'o1', tierName: 'Standard', holderName: 'Ada', status: 'used', usedAt: '2026-12-05T20:01:00.000Z' },
      { ticketId: 't2', orderId: 'o1', tierName: 'Standard', holderName: null, status: 'invalidated', usedAt: null },
    ]);
    expect(csv).toBe(
      'Name,Tier,Order,Ticket,Checked in,Checked in at,Status\r\n' +
        'Ada,Standard,o1,t1,yes,2026-12-05T20:01:00.000Z,used\r\n' +
        '(name unknown),Standard,o1,t2,no,,refunded\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('The "Boss"')).toBe('"The ""Boss"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('plain')).toBe('plain');
  });

  it('file names are plain ASCII', () => {
    expect(csvFileName('Fête de la Musique / Paris!', new Date('2026-06-21T10:00:00Z'))).toBe('attendees-fete-de-la-musique-paris-2026-06-21.csv');
    expect(csvFileName('***', new Date('2026-06-21T10:00:00Z'))).toBe('attendees-event-2026-06-21.csv');
  });
});
