import { z } from 'zod';
import { address, guid, instructionUri, uniqueList, wholeNumber } from './primitives';
import { MAX_ASSIGNMENT_USERS } from '../../domain/limits';
import { MAX_GROUP_ASSIGNMENTS, POLICY_NAME_PATTERN } from '../../domain/assignment-scope';
import { assignmentScopeProblem, scopesSet } from '../../domain/assignment-scope';
import { platformIdentityProblem, SERVICE_PROVIDER_IDENTITIES } from '../../domain/service-provider';
import { userProblem } from '../../domain/identifiers';

const identity = () => z.enum(SERVICE_PROVIDER_IDENTITIES, { error: (issue) => platformIdentityProblem(issue.input) }).optional();

/** The fields both spellings of the service provider share. */
const serviceProviderFields = () => ({
  tenantKey: address('teams@contoso.com')
    .optional()
    .describe('The IVR address shown in invites; defaults to teams@<tenant.domain> for Pexip'),
  instructionUri: instructionUri()
    .optional()
    .describe('https link with {ConfId}, shown as alternate VTC dialing instructions'),
  aadApplicationIds: uniqueList(guid(), (id) => id.toLowerCase(), 'app id')
    .optional()
    .describe("The vendor bots' app ids; default from the vendor catalog"),
  allowAppGuestJoinsAsAuthenticated: z
    .boolean('must be true or false')
    .optional()
    .describe('VTCs joining through the vendor bots count as authenticated (lobby bypass); default false'),
});

const serviceProvider = z
  .strictObject({
    identity: identity().describe('Identity of the video interop service provider (the CVI platform); defaults from the vendor'),
    ...serviceProviderFields(),
  })
  .describe('The video interop service provider (New-CsVideoInteropServiceProvider)');

/**
 * The old spelling, `teams.provider` with `name`, from before "provider" was kept for Terraform:
 * tenant files in git still say it, so it is read the same way (and the loader warns).
 */
const oldProvider = z
  .strictObject({
    name: identity().describe('Old name of serviceProvider.identity'),
    ...serviceProviderFields(),
  })
  .meta({ deprecated: true, description: 'Old name of serviceProvider (its name is now identity); read the same way; rename it' });

/** The line the loader prints, after the file name, for a file that uses the old spelling. */
export const OLD_SPELLING_WARNING =
  'teams.provider is the old name of teams.serviceProvider (and its name is now identity); it is read the same way; rename it';

/** Whether a tenant file's raw data spells the service provider the old way (`teams.provider`) alone. */
export function usesOldSpelling(raw: unknown): boolean {
  const teams = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).teams : undefined;
  return teams !== null && typeof teams === 'object' && Object.hasOwn(teams, 'provider') && !Object.hasOwn(teams, 'serviceProvider');
}

/**
 * A field path of the validated file (`teams.serviceProvider.identity`) as a file in the old
 * spelling wrote it (`teams.provider.name`), so an error points at what is in the file.
 */
export function pathInOldSpelling<K extends PropertyKey>(path: readonly K[]): (K | string)[] {
  if (path[0] !== 'teams' || path[1] !== 'serviceProvider') return [...path];
  return ['teams', 'provider', ...(path.length > 2 ? [path[2] === 'identity' ? 'name' : path[2]] : []), ...path.slice(3)];
}

/** A key of one spelling written under the other, by place: the hint of its unknown-field error. */
export const MIXED_SPELLING_HINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'teams.provider': {
    identity: 'identity is the new spelling, under teams.serviceProvider; the old teams.provider calls it name: rename provider to serviceProvider',
  },
  'teams.serviceProvider': {
    name: 'name is the old spelling, under teams.provider; teams.serviceProvider calls it identity',
  },
};

const group = z.strictObject({
  id: guid().describe('Entra ID group object id'),
  rank: wholeNumber(1, MAX_GROUP_ASSIGNMENTS).describe('1 wins over 2; direct user grants win over any group'),
});

/** A user principal name, a SIP address or an Entra ID object id (domain/identifiers.ts). */
const user = z.string().superRefine((value, ctx) => {
  const problem = userProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

type Group = z.output<typeof group>;

/**
 * Teams keeps the group assignments of one policy type in one ranked list, 1 to N: a new rank
 * shifts the others down, and a rank past the end is stored as N. Two groups at one rank, or a
 * gap, describe a list Teams can never hold, so a deploy would wait for it in vain: say so here.
 */
function checkRanks(groups: Group[], ctx: z.RefinementCtx): void {
  const at = new Map<number, number>();
  let duplicates = false;
  groups.forEach((g, i) => {
    const first = at.get(g.rank);
    if (first === undefined) {
      at.set(g.rank, i);
      return;
    }
    duplicates = true;
    ctx.addIssue({ code: 'custom', path: [i, 'rank'], message: `duplicate rank, already at [${first}]; each group needs its own rank`, input: g.rank });
  });
  if (duplicates) return;
  const missing = Array.from({ length: groups.length }, (_, i) => i + 1).filter((rank) => !at.has(rank));
  if (missing.length > 0) {
    const ranks = [...at.keys()].sort((a, b) => a - b).join(', ');
    const which = missing.length === 1 ? `rank ${missing[0]} is missing` : `ranks ${missing.join(', ')} are missing`;
    ctx.addIssue({ code: 'custom', message: `ranks must count 1 to ${groups.length} without gaps; ${which} (got ${ranks})` });
  }
}

const assignment = z
  .strictObject({
    policyName: z
      .string()
      .regex(POLICY_NAME_PATTERN, 'must be a policy name such as PexipServiceProviderEnabled (no Tag: prefix)')
      .optional()
      .describe('TeamsVideoInteropServicePolicy to grant; defaults from the vendor'),
    global: z.literal(true, 'must be true (omit it to not grant tenant-wide)').optional(),
    groups: uniqueList(group, (g) => g.id.toLowerCase(), 'group id', 'id')
      .pipe(z.array(group).max(MAX_GROUP_ASSIGNMENTS, `may hold at most ${MAX_GROUP_ASSIGNMENTS} groups (the Teams limit per policy type)`))
      .superRefine(checkRanks)
      .optional(),
    users: uniqueList(user, (u) => u.toLowerCase(), 'user (names compare case-insensitively)')
      .pipe(z.array(user).max(MAX_ASSIGNMENT_USERS, `may hold at most ${MAX_ASSIGNMENT_USERS} users (assign a group instead)`))
      .optional(),
  })
  .superRefine((value, ctx) => {
    const problem = assignmentScopeProblem(scopesSet((scope) => value[scope] !== undefined));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Who gets the CVI policy: exactly one of global, groups, users');

type ServiceProvider = z.output<typeof serviceProvider>;
type Assignment = z.output<typeof assignment>;

/**
 * The Teams section. Either spelling of the service provider is read; the output always has the
 * new one, `serviceProvider` with `identity`, which is what the constructs take.
 */
export const teamsSection = z
  .strictObject({
    serviceProvider: serviceProvider.optional(),
    provider: oldProvider.optional(),
    assignment,
  })
  .superRefine((teams, ctx) => {
    if (teams.provider && teams.serviceProvider) {
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: 'is the old name of teams.serviceProvider and both are set; keep only teams.serviceProvider (its name is now identity)',
      });
    }
  })
  .transform(({ serviceProvider, provider, assignment }): { serviceProvider?: ServiceProvider; assignment: Assignment } => {
    if (serviceProvider) return { serviceProvider, assignment };
    if (!provider) return { assignment };
    const { name, ...fields } = provider;
    return { serviceProvider: name === undefined ? fields : { identity: name, ...fields }, assignment };
  });
