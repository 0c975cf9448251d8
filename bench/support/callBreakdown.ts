import type { StorageCall } from './countingProxy';

/**
 * What a storage call was, to tell where the calls go: its method, its table (without the
 * bench prefix), and the kind of partition it named (the partition key up to its first `~`),
 * e.g. `GET schedule due~`. A query or an insert names no partition in its path.
 */
export function callKind(call: StorageCall, prefix: string): string {
  const match = /\/([^/(]+)(?:\(PartitionKey='([^']*)')?/.exec(call.path.replace(/^\/devstoreaccount1/, ''));
  const table = (match?.[1] ?? call.path).replace(new RegExp(`^${prefix}`), '');
  const partition = match?.[2]?.replace(/''/g, "'");
  const kind = partition === undefined ? '' : ` ${partition.includes('~') ? partition.split('~')[0] + '~' : '…'}`;
  return `${call.method} ${table}${kind}`;
}

/** The calls per referral by kind, most first, as lines to print; kinds under `atLeast` per referral are left out. */
export function breakdownLines(
  calls: readonly StorageCall[],
  referrals: number,
  prefix: string,
  atLeast = 0.5,
): string[] {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const kind = callKind(call, prefix);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .map(([kind, count]) => [kind, count / referrals] as const)
    .filter(([, perReferral]) => perReferral >= atLeast)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, perReferral]) => `    ${perReferral.toFixed(1).padStart(6)}  ${kind}`);
}
