import { readFileSync } from 'node:fs';
import type { ManagerGrant } from '../../bot/domain/managers';
import { PLAYGROUND_CONFIG } from './agentsPlayground';

/** The region you manage in the Playground, so `digest now` has something to show. */
export const PLAYGROUND_MANAGED_REGION = 'emea';

/**
 * You in the Playground, as the desk knows people: the `currentUser` of the Playground's
 * config file (its AAD object id is who you are to the desk, as in Teams).
 */
export function playgroundCurrentUser(yaml = readFileSync(PLAYGROUND_CONFIG, 'utf8')): ManagerGrant['user'] {
  const block = /^currentUser:\n((?:[ \t]+.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  const field = (key: string) => new RegExp(`^\\s+${key}:\\s*(.+?)\\s*$`, 'm').exec(block)?.[1];
  const id = field('aadObjectId');
  const name = field('name');
  const teamsId = field('id');
  if (!id || !name || !teamsId)
    throw new Error(`${PLAYGROUND_CONFIG}: currentUser needs an id, a name and an aadObjectId`);
  const email = field('email');
  return { id, name, teamsId, ...(email ? { email } : {}) };
}

/**
 * The grant that makes you the manager of PLAYGROUND_MANAGED_REGION, as an admin's
 * `managers add` would: the Playground has no way to act as another of its people.
 */
export function playgroundManagerGrant(grantedAt: string, user = playgroundCurrentUser()): ManagerGrant {
  return {
    region: PLAYGROUND_MANAGED_REGION,
    user,
    grantedBy: { id: 'agents-playground', name: 'Agents Playground' },
    grantedAt,
  };
}
