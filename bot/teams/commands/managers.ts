import { literal } from '../../../cards/literal';
import { parseInstant } from '../../domain/timeLimits';
import { isAdmin } from '../../domain/permissions';
import type { Region } from '../../domain/routing';
import { planDigest, type DigestPlanDeps } from '../../referrals';
import type { Services } from '../../services';
import { findPerson, type PersonLookupServices } from '../personLookup';
import { plainDate } from '../views/format';
import { validRegionCodes } from '../views/linkTargets';
import type { Command, CommandContext } from './command';

/** What `managers` uses: the admins, the regions and their granted managers, finding people, planning digests. */
export type ManagersCommandServices = ManagerListServices &
  Pick<Services, 'clock'> &
  PersonLookupServices &
  DigestPlanDeps;

/** What the list of managers reads: the regions, the grants, the admins, and people's names. */
type ManagerListServices = Pick<Services, 'strings' | 'roles' | 'users' | 'regions' | 'admins'>;

/**
 * `managers`: who manages which region; `managers add <user> <region>` and `managers remove
 * <user> <region>` change it. Admins only. Granted managers count wherever the regions
 * file's do: escalations, handing deals over, digests. Names and what was typed are echoed as typed.
 */
export const managers: Command<ManagersCommandServices> = async (context) => {
  const { turn, args, actor, services } = context;
  const m = services.strings.managers;
  if (!isAdmin(actor, services.admins)) return void (await turn.sendActivity(m.adminsOnly));
  const [verb, who, code] = [args[0]?.toLowerCase(), args[1]?.replace(/^mailto:/i, ''), args[2]?.toLowerCase()];
  if (verb === undefined || verb === 'list')
    return void (await turn.sendActivity({ text: await managerList(services), textFormat: 'markdown' }));
  if ((verb !== 'add' && verb !== 'remove') || !who || !code || args.length > 3)
    return void (await turn.sendActivity(m.usage));
  const region = services.regions.find((r) => r.code === code);
  if (!region)
    return void (await turn.sendActivity(m.unknownRegion(literal(args[2]), validRegionCodes(services.regions))));
  await turn.sendActivity(verb === 'add' ? await add(context, who, region) : await remove(context, who, region));
};

async function add(
  { turn, actor, services }: CommandContext<ManagersCommandServices>,
  who: string,
  region: Region,
): Promise<string> {
  const m = services.strings.managers;
  const person = await findPerson(turn, services, who);
  if (!person) return m.unknownUser(literal(who));
  if (person.teamsId) await services.users.learn(person.id, { teamsId: person.teamsId, name: person.name });
  const granted = await services.roles.grantManager({
    region: region.code,
    user: { id: person.id, name: person.name, teamsId: person.teamsId, email: person.email },
    grantedBy: { id: actor.id, name: actor.name },
    grantedAt: services.clock().toUTC().toISO()!,
  });
  if (granted) await planDigest(services, person.id);
  return (granted ? m.added : m.alreadyManager)(literal(person.name), region.name);
}

async function remove(
  { turn, services }: CommandContext<ManagersCommandServices>,
  who: string,
  region: Region,
): Promise<string> {
  const m = services.strings.managers;
  const grants = (await services.roles.managerGrants()).filter((g) => g.region === region.code);
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  // The name typed matches a grant as stored; otherwise Teams tells whose id it is.
  let grant = grants.find((g) => [g.user.id, g.user.teamsId, g.user.email].some((id) => same(id, who)));
  const person = grant?.user ?? (await findPerson(turn, services, who));
  grant ??= person && grants.find((g) => g.user.id === person.id);
  if (grant && (await services.roles.revokeManager(region.code, grant.user.id))) {
    await planDigest(services, grant.user.id);
    return m.removed(literal(grant.user.name), region.name);
  }
  const ids = [who, person?.id, person?.teamsId];
  const name = literal(person?.name ?? who);
  if ((region.managers ?? []).some((id) => ids.some((other) => same(id, other))))
    return m.fromRegionsFile(name, region.name);
  return m.notManager(name, region.name);
}

/** Each region's managers (the regions file's and the granted ones), then the admins, by name (as typed) where known. */
async function managerList(services: ManagerListServices): Promise<string> {
  const m = services.strings.managers;
  const grants = await services.roles.managerGrants();
  const nameOf = async (id: string) => literal((await services.users.find(id))?.name ?? id);
  const lines = [m.listTitle];
  for (const region of services.regions) {
    const configured = await Promise.all((region.managers ?? []).map(async (id) => m.configured(await nameOf(id))));
    const granted = grants
      .filter((g) => g.region === region.code)
      .map((g) =>
        m.granted(
          literal(g.user.name),
          literal(g.grantedBy.name),
          plainDate(parseInstant(g.grantedAt), services.strings.format),
        ),
      );
    const people = [...configured, ...granted];
    lines.push(
      m.listLine(
        `${region.name} (${region.code})`,
        people.length > 0 ? services.strings.format.list(...people) : m.nobody,
      ),
    );
  }
  lines.push('', m.admins(services.strings.format.list(...(await Promise.all(services.admins.map(nameOf))))));
  return lines.join('\n');
}
