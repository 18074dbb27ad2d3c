/** The demo data, as plain typed values; the seed turns it into API calls. */

export type Category = 'music' | 'sport' | 'art' | 'theatre' | 'food' | 'tech' | 'education' | 'community' | 'nightlife' | 'other';

export interface AccountFixture {
  /** Stable key the rest of the fixture refers to. */
  key: string;
  email: string;
  displayName: string;
}

export interface OrganizationFixture extends AccountFixture {
  organization: { name: string; description: string; website: string };
}

export interface TierFixture {
  name: string;
  priceMinor: number;
  currency: string;
  quantity: number;
}

export interface EventFixture {
  /** Stable key: `<organization key>/<slug>`. */
  key: string;
  organization: string;
  /** Unique per organization: the seed recognises an event already there by its title. */
  title: string;
  description: string;
  category: Category;
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string; city: string; location: { lat: number; lng: number } };
  tiers: TierFixture[];
  tags: string[];
  /**
   * A "happening now" event: it starts this many seconds after it is created (the event service
   * accepts only future starts), so that participants can review it during the same seed run.
   */
  startsSecondsAfterCreation?: number;
}

export interface ReviewFixture {
  event: string;
  rating: number;
  text: string;
}

export interface Fixture {
  organizations: OrganizationFixture[];
  members: AccountFixture[];
  events: EventFixture[];
  /** member key → organization keys followed */
  follows: Record<string, string[]>;
  /** member key → event keys liked */
  likes: Record<string, string[]>;
  /** member key → event keys joined ("going") */
  participations: Record<string, string[]>;
  /** member key → reviews (of events the member joined and that have started) */
  reviews: Record<string, ReviewFixture[]>;
}

export const DEFAULT_EMAIL_DOMAIN = 'demo.eventonight.test';

const DAY = 86_400_000;

/** `days` days after `now`'s date, at 20:00 UTC (always in the future for days ≥ 1). */
export function eveningIn(now: Date, days: number, hour = 20): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, 0, 0));
  return new Date(date.getTime() + days * DAY);
}

function slot(now: Date, days: number, hours: number): { startsAt: string; endsAt: string } {
  const start = eveningIn(now, days);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString() };
}

/** The demo fixture; `emailDomain` lets tests keep their accounts apart from earlier runs. */
export function demoFixture(options: { emailDomain?: string; now?: Date } = {}): Fixture {
  const domain = options.emailDomain ?? DEFAULT_EMAIL_DOMAIN;
  const now = options.now ?? new Date();
  const email = (local: string): string => `${local}@${domain}`.toLowerCase();

  const bologna = { address: 'Via Zamboni 33', city: 'Bologna', location: { lat: 44.4968, lng: 11.3526 } };
  const milano = { address: 'Corso Garibaldi 12', city: 'Milano', location: { lat: 45.4763, lng: 9.1857 } };

  return {
    organizations: [
      {
        key: 'jazz',
        email: email('org.jazz'),
        displayName: 'Blue Note Collective',
        organization: {
          name: 'Blue Note Collective',
          description: 'Live jazz nights in the old town.',
          website: 'https://jazz.demo.eventonight.test',
        },
      },
      {
        key: 'stage',
        email: email('org.stage'),
        displayName: 'Teatro Aperto',
        organization: {
          name: 'Teatro Aperto',
          description: 'Independent theatre and spoken word.',
          website: 'https://stage.demo.eventonight.test',
        },
      },
    ],
    members: [
      { key: 'anna', email: email('member.anna'), displayName: 'Anna Demo' },
      { key: 'bruno', email: email('member.bruno'), displayName: 'Bruno Demo' },
      { key: 'carla', email: email('member.carla'), displayName: 'Carla Demo' },
      { key: 'dario', email: email('member.dario'), displayName: 'Dario Demo' },
    ],
    events: [
      {
        key: 'jazz/quartet',
        organization: 'jazz',
        title: 'Late Night Jazz Quartet',
        description: 'A quartet from Bologna plays standards until late.',
        category: 'music',
        ...slot(now, 7, 3),
        venue: { name: 'Cantina Blu', ...bologna },
        tiers: [
          { name: 'Standard', priceMinor: 1500, currency: 'eur', quantity: 120 },
          { name: 'Front row', priceMinor: 3500, currency: 'eur', quantity: 20 },
        ],
        tags: ['jazz', 'live'],
      },
      {
        key: 'jazz/jam',
        organization: 'jazz',
        title: 'Open Jam Session',
        description: 'Bring your instrument: the house band backs everyone.',
        category: 'music',
        ...slot(now, 14, 4),
        venue: { name: 'Cantina Blu', ...bologna },
        tiers: [{ name: 'Entry', priceMinor: 500, currency: 'eur', quantity: 80 }],
        tags: ['jazz', 'jam'],
      },
      {
        key: 'jazz/swing',
        organization: 'jazz',
        title: 'Swing Dance Night',
        description: 'A short lesson, then dancing to a swing big band.',
        category: 'nightlife',
        ...slot(now, 21, 4),
        venue: { name: 'Sala Borsa', ...bologna },
        tiers: [
          { name: 'Dance floor', priceMinor: 1200, currency: 'eur', quantity: 200 },
          { name: 'Lesson + dance', priceMinor: 2000, currency: 'eur', quantity: 40 },
        ],
        tags: ['swing', 'dance'],
      },
      {
        key: 'stage/hamlet',
        organization: 'stage',
        title: 'Hamlet in One Hour',
        description: 'Shakespeare, condensed and loud.',
        category: 'theatre',
        ...slot(now, 7, 2),
        venue: { name: 'Teatro Aperto', ...milano },
        tiers: [
          { name: 'Stalls', priceMinor: 2500, currency: 'eur', quantity: 150 },
          { name: 'Balcony', priceMinor: 1500, currency: 'eur', quantity: 60 },
        ],
        tags: ['theatre', 'classic'],
      },
      {
        key: 'stage/poetry',
        organization: 'stage',
        title: 'Poetry Slam',
        description: 'Five minutes each, the audience votes.',
        category: 'art',
        ...slot(now, 14, 3),
        venue: { name: 'Teatro Aperto Studio', ...milano },
        tiers: [{ name: 'Entry', priceMinor: 800, currency: 'eur', quantity: 90 }],
        tags: ['poetry', 'slam'],
      },
      {
        key: 'stage/improv',
        organization: 'stage',
        title: 'Improv Comedy Night',
        description: 'No script, audience suggestions only.',
        category: 'theatre',
        ...slot(now, 21, 2),
        venue: { name: 'Teatro Aperto', ...milano },
        tiers: [{ name: 'Standard', priceMinor: 1800, currency: 'eur', quantity: 150 }],
        tags: ['comedy', 'improv'],
      },
      {
        key: 'jazz/opening',
        organization: 'jazz',
        title: 'Season Opening (happening now)',
        description: 'The first set of the season, on stage right now.',
        category: 'music',
        ...slot(now, 1, 4),
        startsSecondsAfterCreation: 20,
        venue: { name: 'Cantina Bentivoglio', ...bologna },
        tiers: [{ name: 'At the door', priceMinor: 1000, currency: 'eur', quantity: 80 }],
        tags: ['jazz', 'live'],
      },
    ],
    follows: {
      anna: ['jazz', 'stage'],
      bruno: ['jazz'],
      carla: ['stage'],
      dario: ['jazz', 'stage'],
    },
    likes: {
      anna: ['jazz/quartet', 'jazz/swing', 'stage/hamlet'],
      bruno: ['jazz/quartet', 'jazz/jam'],
      carla: ['stage/hamlet', 'stage/poetry'],
      dario: ['jazz/quartet'],
    },
    participations: {
      anna: ['jazz/quartet', 'jazz/opening'],
      bruno: ['jazz/jam'],
      carla: ['stage/hamlet', 'stage/improv'],
      dario: ['jazz/quartet', 'jazz/opening'],
    },
    reviews: {
      anna: [{ event: 'jazz/opening', rating: 5, text: 'A season opening to remember.' }],
      dario: [{ event: 'jazz/opening', rating: 4, text: 'Great set, the room was a bit small.' }],
    },
  };
}
