import { z } from 'zod';
import { identityProblem } from '../../constructs/video-interop-service-provider';
import { address, guid, instructionUri, isAddress, uniqueList, wholeNumber } from './primitives';
import { GUID_PATTERN } from './primitives';
import { MAX_ASSIGNMENT_USERS } from '../../domain/limits';
import { MAX_GROUP_ASSIGNMENTS, POLICY_NAME_PATTERN } from '../../domain/assignment-scope';
import { assignmentScopeProblem, scopesSet } from '../../domain/assignment-scope';

/** Provider names the Teams service accepts for a video interop service provider. */
export const TEAMS_PROVIDER_NAMES = ['Pexip', 'Polycom', 'Cisco', 'BlueJeans'] as const;

const provider = z
  .strictObject({
    name: z
      .enum(TEAMS_PROVIDER_NAMES, { error: (issue) => identityProblem(issue.input) })
      .optional()
      .describe('Name (Identity) of the video interop service provider; defaults from the vendor'),
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
  })
  .describe('The video interop service provider (New-CsVideoInteropServiceProvider)');

const group = z.strictObject({
  id: guid().describe('Entra ID group object id'),
  rank: wholeNumber(1, MAX_GROUP_ASSIGNMENTS).describe('1 wins over 2; direct user grants win over any group'),
});

/** A user principal name or an Entra ID object id. */
const user = z
  .string()
  .refine(
    (value) => isAddress(value) || GUID_PATTERN.test(value),
    'must be a user principal name (alice@contoso.com) or an object id (GUID)',
  );

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

export const teamsSection = z.strictObject({
  provider: provider.optional(),
  assignment,
});
