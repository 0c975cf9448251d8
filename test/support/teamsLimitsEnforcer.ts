/** A limit of `count` requests per `windowMs`. */
export interface Window {
  count: number;
  windowMs: number;
}

/** The rate limits Teams sets a bot, as a double of Teams applies them. */
export interface EnforcedLimits {
  /** Sends, creates and updates of activities, per conversation. */
  sends: readonly Window[];
  /** Reads of members and of a team's channels, per conversation or team. */
  reads: readonly Window[];
  /** Every request of the app (per tenant). */
  app: readonly Window[];
}

/**
 * Teams' limits as its documentation gives them, written down here apart from the bot's own
 * copy, so a test of the bot against them does not check the bot against itself.
 */
export const DOCUMENTED_TEAMS_LIMITS: EnforcedLimits = {
  sends: [
    { count: 7, windowMs: 1_000 },
    { count: 8, windowMs: 2_000 },
    { count: 60, windowMs: 30_000 },
    { count: 1800, windowMs: 3_600_000 },
  ],
  reads: [
    { count: 14, windowMs: 1_000 },
    { count: 16, windowMs: 2_000 },
    { count: 120, windowMs: 30_000 },
  ],
  app: [{ count: 50, windowMs: 1_000 }],
};

/** Requests seen in one scope (a conversation, or the app), kept for the longest window. */
class Arrivals {
  private times: number[] = [];

  constructor(private readonly windows: readonly Window[]) {}

  /** How long after `now` the request would have been allowed; 0 when it is within every window. */
  excessAt(now: number): number {
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    this.times = this.times.filter((time) => time > now - longest);
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = this.times.filter((time) => time > now - window.windowMs);
      if (inWindow.length >= window.count)
        wait = Math.max(wait, inWindow[inWindow.length - window.count] + window.windowMs - now);
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

/**
 * Applies Teams' limits to requests as they arrive: every request counts (refused ones too),
 * against the app and against its conversation (a channel with its reply threads: the
 * stricter reading of Teams' "per thread"). A request over a limit is to be answered 429.
 */
export class TeamsLimitsEnforcer {
  private readonly scopes = new Map<string, Arrivals>();
  private readonly app: Arrivals;

  constructor(
    private readonly limits: EnforcedLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.app = new Arrivals(limits.app);
  }

  /** Counts the request; how many milliseconds too early it came (0: allowed). */
  admit(method: string, path: string): number {
    const now = this.now();
    const scope = scopeOf(method, path);
    const arrivals = scope && this.arrivalsOf(scope.key, scope.kind);
    const wait = Math.max(this.app.excessAt(now), arrivals?.excessAt(now) ?? 0);
    this.app.record(now);
    arrivals?.record(now);
    return wait;
  }

  private arrivalsOf(key: string, kind: 'sends' | 'reads'): Arrivals {
    const id = `${kind} ${key}`;
    let arrivals = this.scopes.get(id);
    if (!arrivals) this.scopes.set(id, (arrivals = new Arrivals(this.limits[kind])));
    return arrivals;
  }
}

/** Which per-conversation limit a request counts against; none for creating a conversation. */
function scopeOf(method: string, path: string): { key: string; kind: 'sends' | 'reads' } | undefined {
  const parts = path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'v3' || parts.length < 3) return undefined;
  const key = parts[2].split(';')[0];
  if (parts[1] === 'teams') return { key, kind: 'reads' };
  if (parts[1] !== 'conversations') return undefined;
  return { key, kind: method === 'GET' ? 'reads' : 'sends' };
}
