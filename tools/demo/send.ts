/**
 * Posts the demo feed to the bot's `POST /api/referrals`, one delivery per referral, the
 * way Partner Center would deliver them, and reports what the bot answered for each.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { invitingPartner, leadKindOf, type LeadKind } from '../../bot/domain/leadKind';
import type { Referral } from '../../bot/domain/referral';
import { SIGNATURE_HEADER, signBody } from '../../bot/http';
import { countryOf, type DemoReferral } from './feed';

/** Where and how to send the demo feed; see {@link sendDemoFeed}. */
export interface SendDemoFeedOptions {
  /** The bot's referrals endpoint, e.g. `http://localhost:3978/api/referrals`. */
  url: string;
  /** REFERRALS_WEBHOOK_SECRET of the bot; each delivery is signed with it when given. */
  secret?: string;
  referrals: readonly DemoReferral[];
  /** Pause between two deliveries, so a watcher sees the cards arrive one by one. */
  intervalMs: number;
  /** Receives one line per referral. */
  log: (line: string) => void;
  /**
   * `partnerCenter`: `url` is the local Partner Center simulator's `/simulator/referrals`,
   * which takes each referral as Partner Center receives one; its webhook brings the card.
   */
  via?: 'referrals' | 'partnerCenter';
}

/** What became of each referral, by id. */
export interface DemoSendSummary {
  received: string[];
  duplicates: string[];
  failed: { id: string; status: number; message: string }[];
}

/** The bot did not answer at all: nothing listens at the URL. */
export class BotUnreachableError extends Error {
  constructor(
    readonly url: string,
    reason: string,
    /** What was sent before the connection failed. */
    readonly summary: DemoSendSummary,
  ) {
    super(
      `Cannot reach the bot at ${url} (${reason}). Start it first with \`npm start\` or \`npm run playground\`, or pass its address with --url.`,
    );
    this.name = 'BotUnreachableError';
  }
}

const LEAD_KIND_LABELS: Record<Exclude<LeadKind, 'coSellFromPartner'>, string> = {
  customerInquiry: 'customer inquiry',
  marketingQualified: 'marketing qualified lead',
  salesQualified: 'sales qualified lead',
  coSellFromMicrosoft: 'co-sell invitation from Microsoft',
};

/** "Fabrikam Inc (US · customer inquiry)": who, where and what kind of lead. */
export function describeReferral(referral: Record<string, unknown>): string {
  const pc = referral as unknown as Referral;
  const kind = leadKindOf(pc);
  const label =
    kind === 'coSellFromPartner' ? `co-sell invitation from ${invitingPartner(pc)}` : LEAD_KIND_LABELS[kind];
  return `${pc.customerProfile?.name ?? '(no customer name)'} (${countryOf(referral)} · ${label})`;
}

/** Sends each referral as its own (signed) delivery and sums up the answers. */
export async function sendDemoFeed(options: SendDemoFeedOptions): Promise<DemoSendSummary> {
  const { url, secret, referrals, intervalMs, log } = options;
  const summary: DemoSendSummary = { received: [], duplicates: [], failed: [] };
  for (const [index, { referral }] of referrals.entries()) {
    if (index > 0 && intervalMs > 0) await sleep(intervalMs);
    const id = String(referral.id);
    const viaPartnerCenter = options.via === 'partnerCenter';
    const body = JSON.stringify(viaPartnerCenter ? { referral } : referral);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret) headers[SIGNATURE_HEADER] = signBody(body, secret);
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body });
    } catch (error) {
      throw new BotUnreachableError(url, connectionFailure(error), summary);
    }
    const answer = await readJson(response);
    let outcome: string;
    if (viaPartnerCenter && response.status === 201) {
      summary.received.push(id);
      outcome = 'in Partner Center, which announces it to the bot';
    } else if (response.status === 202 && answer?.duplicates?.includes(id)) {
      summary.duplicates.push(id);
      outcome = 'already known';
    } else if (response.status === 202) {
      summary.received.push(id);
      outcome = 'received';
    } else {
      const message = failureMessage(response.status, answer, Boolean(secret));
      summary.failed.push({ id, status: response.status, message });
      outcome = `failed (${response.status}): ${message}`;
    }
    log(`→ ${describeReferral(referral)}: ${outcome}`);
  }
  return summary;
}

interface EndpointAnswer {
  received?: string[];
  duplicates?: string[];
  message?: string;
  items?: { index: number; id?: string; problems: { field: string; message: string }[] }[];
}

async function readJson(response: Response): Promise<EndpointAnswer | undefined> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as EndpointAnswer) : undefined;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

function failureMessage(status: number, answer: EndpointAnswer | undefined, signed: boolean): string {
  if (status === 401) {
    return signed
      ? 'the bot refused the signature: this secret does not match its REFERRALS_WEBHOOK_SECRET'
      : 'the bot wants signed deliveries: set REFERRALS_WEBHOOK_SECRET to the same value as the bot';
  }
  const problems = answer?.items?.flatMap((item) => item.problems.map((p) => `${p.field} ${p.message}`)) ?? [];
  if (problems.length > 0) return problems.join('; ');
  return answer?.message ?? `HTTP ${status}`;
}

/** Why fetch could not connect, e.g. `ECONNREFUSED`. */
function connectionFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
