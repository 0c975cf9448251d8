import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCUMENTED_TEAMS_LIMITS, TeamsLimitsEnforcer, type EnforcedLimits } from './teamsLimitsEnforcer';

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  /** `send` a new message, `reply` into a thread, `update` an existing one, `create` a conversation. */
  kind: 'send' | 'reply' | 'update' | 'create';
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** The id the stand-in answered with (new activities only; none when it answered without one). */
  answeredId?: string;
  /** When the request arrived (this process's `performance.now()`, ms). */
  at: number;
}

/** A member of the team, as Teams describes one. */
export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName: string;
  /** Teams' roster role (`owner`, `user`, `guest`), when the test gives one. */
  userRole?: string;
  /** The directory's given name and surname, when the test gives them. */
  givenName?: string;
  surname?: string;
}

interface Failure {
  status: number;
  headers: Record<string, string>;
}

/**
 * A local stand-in for the Bot Connector service: answers the REST calls the bot makes
 * to `serviceUrl` like Teams does, records every one, and can fail on demand.
 */
export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  /** Every request received, answered or failed: `<status> <method> <path>`. */
  readonly requests: string[] = [];
  /** What `GET /v3/teams/{id}/conversations` lists (Teams gives General no name). */
  teamChannels: { id: string; name?: string }[] = [];
  /** Who `GET /v3/conversations/{id}/members/{user}` finds (by Teams id, AAD object id, e-mail or UPN). */
  members: TeamsMember[] = [];
  /** Members of particular conversations (a team's, by its conversation id), in place of `members` there. */
  membersOf: Record<string, TeamsMember[]> = {};
  /** Requests answered 429 for going over Teams' limits (see enforceTeamsLimits): `<method> <path>`. */
  readonly throttled: string[] = [];
  private limits: TeamsLimitsEnforcer | undefined;
  private readonly failures: Failure[] = [];
  private withoutIds = 0;
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private server: Server | undefined;
  private nextId = 1;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next `count` calls answer with this status (e.g. 503, or 429 with Retry-After). */
  failNext(count: number, status: number, headers: Record<string, string> = {}): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, headers });
  }

  /**
   * From now on, applies Teams' rate limits as Teams does: a request over a limit (per
   * conversation, or the app's) is answered 429 with Retry-After and listed in `throttled`.
   * Teams' documented limits unless others are given (tests scale them down).
   */
  enforceTeamsLimits(limits: EnforcedLimits = DOCUMENTED_TEAMS_LIMITS): void {
    this.limits = new TeamsLimitsEnforcer(limits);
  }

  /**
   * The next `count` sends and replies (all from now on, without a count) are taken with
   * `200 {}`: no activity id, as the Agents Playground answers replies in a thread. `0` ends it.
   */
  answerWithoutIds(count = Infinity): void {
    this.withoutIds = count;
  }

  /** Calls of one kind, optionally to one conversation. */
  callsOf(kind: ConnectorCall['kind'], conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.kind === kind && (conversationId === undefined || c.conversationId === conversationId),
    );
  }

  /** Resolves as soon as the recorded calls satisfy `check`; fails after `timeoutMs` saying what was seen. */
  waitFor(check: (calls: ConnectorCall[]) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (check(this.calls)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `Timed out waiting for ${what}; calls so far: ${JSON.stringify(this.calls.map((c) => [c.kind, c.conversationId]))}`,
          ),
        );
      }, timeoutMs);
      const waiter = {
        check: () => check(this.calls),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const early = this.limits?.admit(req.method ?? '', req.url ?? '') ?? 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (early > 0) {
      this.requests.push(`429 ${req.method} ${req.url}`);
      this.throttled.push(`${req.method} ${req.url}`);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(early / 1000)) });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: "Over Teams' rate limit" } }));
      return;
    }
    const failure = this.failures.shift();
    this.requests.push(`${failure?.status ?? 'ok'} ${req.method} ${req.url}`);
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify({ error: { code: 'StandInFailure', message: `Injected ${failure.status}` } }));
      return;
    }
    if (req.method === 'GET' && /^\/v3\/teams\/[^/]+\/conversations$/.test((req.url ?? '').split('?')[0])) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ conversations: this.teamChannels }));
      return;
    }
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)$/.exec((req.url ?? '').split('?')[0]);
    if (req.method === 'GET' && member) {
      const wanted = decodeURIComponent(member[1]).toLowerCase();
      const conversationId = decodeURIComponent((req.url ?? '').split('/')[3] ?? '');
      const found = (this.membersOf[conversationId] ?? this.members).find((m) =>
        [m.id, m.aadObjectId, m.email, m.userPrincipalName].some((key) => key.toLowerCase() === wanted),
      );
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          found ?? {
            error: { code: 'MemberNotFoundInConversation', message: 'The user is not a member of the conversation' },
          },
        ),
      );
      return;
    }
    const call = this.classify(req.method ?? '', req.url ?? '', body, at);
    if (!call) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${req.url}` } }));
      return;
    }
    const posted = call.kind === 'send' || call.kind === 'reply';
    const withoutId = posted && this.withoutIds > 0;
    if (withoutId) this.withoutIds--;
    else if (call.kind !== 'update')
      call.answeredId = call.kind === 'create' ? `a:conversation-${this.nextId++}` : `activity-${this.nextId++}`;
    this.calls.push(call);
    res.writeHead(call.kind === 'create' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(withoutId ? {} : { id: call.answeredId ?? call.activityId }));
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  private classify(method: string, url: string, body: Record<string, unknown>, at: number): ConnectorCall | undefined {
    const path = url.split('?')[0].replace(/\/+$/, '');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
    if (method === 'POST' && parts.length === 2) return { method, kind: 'create', conversationId: '', body, at };
    const conversationId = parts[2];
    if (parts[3] !== 'activities') return undefined;
    if (method === 'POST' && parts.length === 4) return { method, kind: 'send', conversationId, body, at };
    if (method === 'POST' && parts.length === 5)
      return { method, kind: 'reply', conversationId, activityId: parts[4], body, at };
    if (method === 'PUT' && parts.length === 5)
      return { method, kind: 'update', conversationId, activityId: parts[4], body, at };
    return undefined;
  }
}
