/**
 * cvi_video_interop_policy_assignment: who gets a TeamsVideoInteropServicePolicy, in exactly
 * one scope: the whole tenant (`global`), one group (`group_id`, `group_rank`), or a set of
 * users granted in batches (Grant-CsTeamsVideoInteropServicePolicy -Global | -Group | batch).
 * Import ids: `global` (or `global/<policyName>` where the tenant-wide grant cannot be read),
 * `group/<groupId>`, `users/<policyName>` (or `users/<policyName>/<user>,<user>...`), written and
 * read by domain/import-ids.ts. Create, read, update, delete and import work on the model
 * (policy-assignment-model.ts).
 *
 * Reads follow the evidence of teams-wire-evidence.md: the tenant-wide grant has no proven
 * read (§6), so when the service refuses the candidate the object keeps its last known state
 * and a warning says drift of it cannot be detected; who holds the policy is read by the
 * candidate user search or, failing that, one proven read per user (§5), with a warning.
 */
import { isGuid } from '../config-schema';
import { MAX_ASSIGNMENT_USERS } from '../../domain/limits';
import { assignmentScopeProblem, groupRankProblem, MAX_GROUP_ASSIGNMENTS, policyNameProblem, scopesSet } from '../../domain/assignment-scope';
import { formatPolicyAssignmentImportId, INVALID_IMPORT_ID, parsePolicyAssignmentImportId } from '../../domain/import-ids';
import { DiagnosticError, errorAt, type Diagnostic } from '../diagnostics';
import { knownString, planFromSchema, type PlanInput, type PlanOutcome } from '../plan';
import type { BlockSchema } from '../schema';
import { isUnknown, UNKNOWN, type TfObject, type TfValue } from '../server/values';
import { typedResource, type ResourceContext, type ResourceType } from './resource';
import { rankAsRead, scopeChanges, scopeOf, SCOPE_ATTRIBUTE, spellScope, type Scope } from './policy-scope';
import { upgradeUsersState, usersProblems, USERS_TYPE } from './policy-users';
import { createUsers, deleteUsers, updateUsers } from './policy-users-batch';
import { applyAdoptionRule, claimOf, claimOfModel, takeOverAttribute, warnDefaultRestored, type Claim, type Phase } from './adoption';
import { modelTarget, occupantOf, plannedTarget, type AssignmentTarget } from './assignment-occupant';
import { POLICY_ASSIGNMENT as NAME, policyAssignmentModel, scopeOfAssignment, type PolicyAssignmentState } from './policy-assignment-model';

/** Ranks run 1 to the service's limit of group assignments per policy type (domain/assignment-scope.ts). */
export const MAX_GROUP_RANK = MAX_GROUP_ASSIGNMENTS;

// ---- schema ----
const schema: BlockSchema = {
  // Version 1: users became a map(bool) keyed by user (version 0: a set of strings).
  version: 1,
  description: 'Grants a Teams video interop service policy tenant-wide, to a group, or to a set of users. Needs the Teams Administrator role.',
  attributes: {
    id: { type: 'string', computed: true, description: 'global, group/<group_id> or users/<policy_name>.' },
    policy_name: {
      type: 'string',
      required: true,
      description: 'Policy to grant, without the Tag: prefix, e.g. PexipServiceProviderEnabled. Checked at plan time against the tenant\'s policies.',
    },
    global: { type: 'bool', optional: true, description: 'true: grant tenant-wide (Global). Exactly one of global, group_id, users.' },
    group_id: { type: 'string', optional: true, description: 'Object id (GUID) of the Entra ID group to grant to. Exactly one of global, group_id, users.' },
    group_rank: {
      type: 'number',
      optional: true,
      computed: true,
      description:
        `Precedence among the group assignments of this policy type (1 is highest), a whole number 1 to ${MAX_GROUP_RANK}. Only with group_id. Default 1. ` +
        'A rank past the last assignment places the group last, and reads back as configured while it is last.',
    },
    users: {
      type: USERS_TYPE,
      optional: true,
      description:
        `Users (UPNs, SIP addresses or object ids) granted directly, in batches, as a map from each user to true, e.g. { "alice@contoso.com" = true }. ` +
        `At most ${MAX_ASSIGNMENT_USERS} users, none twice in any case. Exactly one of global, group_id, users.`,
    },
    take_over: takeOverAttribute,
  },
};

function validate(config: TfObject): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const policy = knownString(config.policy_name);
  const policyProblem = policy === undefined ? undefined : policyNameProblem(policy);
  if (policyProblem) problems.push(errorAt('policy_name', 'Invalid policy_name', `${NAME}: policy_name ${policyProblem}; got "${policy}".`));
  if (config.global === false) {
    problems.push(errorAt('global', 'global = false', `${NAME}: set global = true for a tenant-wide grant, or leave it out and set group_id or users.`));
  }
  const anyUnknown = [config.global, config.group_id, config.users].some(isUnknown);
  const scopeProblem = assignmentScopeProblem(
    scopesSet((scope) => {
      const value = config[SCOPE_ATTRIBUTE[scope]];
      return value !== null && value !== undefined && value !== false;
    }),
    spellScope,
  );
  if (!anyUnknown && scopeProblem) problems.push({ severity: 'error', summary: 'Exactly one scope', detail: `${NAME}: ${scopeProblem}.` });
  const groupId = knownString(config.group_id);
  if (groupId !== undefined && !isGuid(groupId)) problems.push(errorAt('group_id', 'Invalid group_id', `${NAME}: group_id must be the group's object id (a GUID); got "${groupId}".`));
  const rank = config.group_rank;
  const rankProblem = typeof rank === 'number' ? groupRankProblem(rank) : undefined;
  if (rankProblem) problems.push(errorAt('group_rank', 'Invalid group_rank', `${NAME}: group_rank ${rankProblem}; got ${String(rank)}.`));
  if (rank !== null && rank !== undefined && config.group_id === null) {
    problems.push(errorAt('group_rank', 'group_rank without group_id', `${NAME}: group_rank applies to a group assignment only: set group_id or remove group_rank.`));
  }
  problems.push(...usersProblems(config.users));
  return problems;
}

/** The id attribute: the import id of the scope (without users), unknown while what it names is. */
function idOf(scope: Scope | undefined, planned: TfObject): TfValue {
  if (scope === 'global') return formatPolicyAssignmentImportId({ scope: 'global' });
  if (scope === 'group') return typeof planned.group_id === 'string' ? formatPolicyAssignmentImportId({ scope: 'group', groupId: planned.group_id }) : UNKNOWN;
  if (scope === 'users') {
    return typeof planned.policy_name === 'string' ? formatPolicyAssignmentImportId({ scope: 'users', policyName: planned.policy_name, users: [] }) : UNKNOWN;
  }
  return UNKNOWN;
}

async function checkPolicyName(ctx: ResourceContext, policyName: string): Promise<void> {
  const policies = await ctx.session.lists.policies();
  if (policies.some((p) => p.name.toLowerCase() === policyName.toLowerCase())) return;
  throw new DiagnosticError(
    'Unknown policy',
    `tenant ${ctx.session.tenantId}: there is no TeamsVideoInteropServicePolicy "${policyName}". ` +
      `This tenant has: ${policies.map((p) => p.name).join(', ') || '(none)'}. Use one of those (without Tag:).`,
    ['policy_name'],
  );
}

async function plan(input: PlanInput, ctx: ResourceContext | undefined): Promise<PlanOutcome> {
  const outcome = planFromSchema(schema, input);
  const { planned } = outcome;
  const scope = scopeOf(planned);
  // Not configured: rank 1 (the default), so a rank changed by hand shows as drift.
  if (input.config.group_rank === null || input.config.group_rank === undefined) {
    planned.group_rank = scope === 'group' ? 1 : scope === undefined ? UNKNOWN : null;
  }
  planned.id = idOf(scope, planned);
  if (input.prior) outcome.requiresReplace.push(...scopeChanges(input.prior, planned));
  const policyName = knownString(planned.policy_name);
  if (ctx && policyName !== undefined) await checkPolicyName(ctx, policyName);
  if (ctx && input.prior === null) await adoptionRule(ctx, claimOf(planned), plannedTarget(planned), 'plan');
  return outcome;
}

const TAKEN = 'Policy assignment already exists';

/** The adoption rule (adoption.ts): a create must not silently take a scope someone else holds. */
async function adoptionRule(ctx: ResourceContext, claim: Claim, target: AssignmentTarget, phase: Phase): Promise<void> {
  applyAdoptionRule(ctx, NAME, TAKEN, claim, await occupantOf(ctx, target, phase), phase);
}

const PROBE_HINT = 'Run `npx cvi probe` against this tenant and attach its report to an issue, so the read can be added.';

function warnTenantGrantUnread(ctx: ResourceContext, reason: string, what: string): void {
  ctx.warn(
    'Drift of the tenant-wide assignment cannot be detected',
    `tenant ${ctx.session.tenantId}: ${what}: the Teams admin API has no proven read of the tenant-wide (Global) grant, and the candidate read was refused (${reason}). ` +
      `Terraform keeps the last known state, so a change made outside Terraform is not seen. ${PROBE_HINT}`,
  );
}

/** Group grants run by rank, after everything else queued with them (see grant-queue.ts). */
function grantOrder(planned: PolicyAssignmentState): number {
  return scopeOfAssignment(planned) === 'group' && planned.groupRank !== null ? planned.groupRank : 0;
}

// ---- create ----
async function grant(ctx: ResourceContext, planned: PolicyAssignmentState): Promise<void> {
  const { client, lists } = ctx.session;
  const options = ctx.session.callOptions();
  const policyName = planned.policyName;
  switch (scopeOfAssignment(planned)) {
    case 'global': {
      const read = await client.grantTenant(policyName, options);
      lists.forget('tenant-grant');
      if (!read.available) warnTenantGrantUnread(ctx, read.reason, 'the grant was sent and accepted but could not be read back');
      return;
    }
    case 'group':
      await client.grantGroup(planned.groupId!, policyName, planned.groupRank ?? 1, options);
      lists.forget('groups');
      return;
    case 'users':
      await createUsers(ctx, planned);
      return;
    default:
      throw new DiagnosticError('Exactly one scope', `${NAME}: ${assignmentScopeProblem([], spellScope)}.`);
  }
}

async function create(ctx: ResourceContext, planned: PolicyAssignmentState): Promise<PolicyAssignmentState> {
  await ctx.session.serialized(async () => {
    await adoptionRule(ctx, claimOfModel(planned), modelTarget(planned), 'apply');
    await grant(ctx, planned);
  }, grantOrder(planned));
  return planned;
}

// ---- read ----
async function read(ctx: ResourceContext, state: PolicyAssignmentState): Promise<PolicyAssignmentState | null> {
  const { lists, client } = ctx.session;
  switch (scopeOfAssignment(state)) {
    case 'global': {
      const live = await lists.tenantGrant();
      if (!live.available) {
        warnTenantGrantUnread(ctx, live.reason, 'refresh');
        return state;
      }
      if (live.policyName === null || live.policyName.toLowerCase() === 'global') return null; // back to the default: gone
      return { ...state, id: formatPolicyAssignmentImportId({ scope: 'global' }), policyName: sameName(state.policyName, live.policyName) };
    }
    case 'group': {
      const wanted = state.groupId!.toLowerCase();
      const assignments = await lists.groupAssignments();
      const live = assignments.find((a) => a.groupId.toLowerCase() === wanted);
      if (!live) return null;
      return { ...state, policyName: sameName(state.policyName, live.policyName), groupRank: rankAsRead(state.groupRank, live.rank, assignments.length) };
    }
    case 'users': {
      // Users who lost the policy drop out of the set: the plan shows them being granted again.
      const declared = state.users ?? [];
      const holders = await client.usersHoldingPolicy(state.policyName, declared, ctx.session.callOptions());
      if (holders.path === 'per-user') warnPerUserRead(ctx, declared.length, holders.reason);
      const held = new Set(holders.users.map((u) => u.toLowerCase()));
      return { ...state, users: declared.filter((u) => held.has(u.toLowerCase())) };
    }
    default:
      return state;
  }
}

function warnPerUserRead(ctx: ResourceContext, users: number, reason: string | undefined): void {
  ctx.warn(
    'Users read one by one',
    `tenant ${ctx.session.tenantId}: the user search behind Get-CsOnlineUser -Filter is not available (${reason ?? 'no reason given'}), ` +
      `so each of the ${users} users' effective policy was read instead (${users} calls). ${PROBE_HINT}`,
  );
}

function sameName(stateValue: string, live: string): string {
  return stateValue.toLowerCase() === live.toLowerCase() ? stateValue : live;
}

// ---- update ----
async function update(ctx: ResourceContext, prior: PolicyAssignmentState, planned: PolicyAssignmentState): Promise<PolicyAssignmentState> {
  return ctx.session.serialized(() => updateInOrder(ctx, prior, planned), grantOrder(planned));
}

async function updateInOrder(ctx: ResourceContext, prior: PolicyAssignmentState, planned: PolicyAssignmentState): Promise<PolicyAssignmentState> {
  if (scopeOfAssignment(planned) === 'users') return updateUsers(ctx, prior, planned);
  await grant(ctx, planned);
  return planned;
}

// ---- delete ----
async function remove(ctx: ResourceContext, state: PolicyAssignmentState): Promise<void> {
  await ctx.session.serialized(() => removeInOrder(ctx, state));
}

async function removeInOrder(ctx: ResourceContext, state: PolicyAssignmentState): Promise<void> {
  const { client, lists } = ctx.session;
  const options = ctx.session.callOptions();
  switch (scopeOfAssignment(state)) {
    case 'global': {
      const read = await client.grantTenant(null, options);
      lists.forget('tenant-grant');
      if (!read.available) warnTenantGrantUnread(ctx, read.reason, 'the default was restored but could not be read back');
      warnDefaultRestored(ctx, 'the tenant-wide policy is Global again');
      return;
    }
    case 'group':
      await client.removeGroup(state.groupId!, options);
      lists.forget('groups');
      warnDefaultRestored(ctx, `group ${state.groupId!} has no ${state.policyName} grant any more`);
      return;
    case 'users':
      await deleteUsers(ctx, state);
      warnDefaultRestored(ctx, `the direct grant of ${state.policyName} to the users was removed`);
      return;
  }
}

// ---- import ----
async function importState(ctx: ResourceContext, id: string): Promise<PolicyAssignmentState> {
  const parsed = parsePolicyAssignmentImportId(id);
  if (!parsed.ok) throw new DiagnosticError(INVALID_IMPORT_ID, `${NAME}: ${parsed.problem}.`);
  const { lists, client, tenantId } = ctx.session;
  const notFound = (what: string) =>
    new DiagnosticError('Cannot import: nothing assigned', `tenant ${tenantId}: ${what}; nothing to import for id "${id}".`);
  const target = parsed.value;
  switch (target.scope) {
    case 'global': {
      const imported = (policyName: string): PolicyAssignmentState => ({ ...NOTHING, id: formatPolicyAssignmentImportId({ scope: 'global' }), policyName, global: true });
      const live = await lists.tenantGrant();
      if (!live.available) {
        if (target.policyName === undefined) {
          throw new DiagnosticError(
            'Cannot read the tenant-wide assignment',
            `tenant ${tenantId}: the service refused the candidate read (${live.reason}). Import with the policy you know is granted, e.g. "${formatPolicyAssignmentImportId({ scope: 'global', policyName: 'PexipServiceProviderEnabled' })}". ${PROBE_HINT}`,
          );
        }
        await checkPolicyName(ctx, target.policyName);
        warnTenantGrantUnread(ctx, live.reason, `imported as ${target.policyName} on your word`);
        return imported(target.policyName);
      }
      if (live.policyName === null || live.policyName.toLowerCase() === 'global') throw notFound('the tenant-wide assignment is the default (Global) policy');
      return imported(live.policyName);
    }
    case 'group': {
      const live = await client.getGroupAssignment(target.groupId, ctx.session.callOptions());
      if (!live) throw notFound(`group ${target.groupId} has no TeamsVideoInteropServicePolicy assignment`);
      // The id as given: `group/<group id>`, spelled as the user spelled the group.
      return { ...NOTHING, id, policyName: live.policyName, groupId: target.groupId, groupRank: live.rank };
    }
    case 'users': {
      const { policyName, users: named } = target;
      const holders = await client.usersHoldingPolicy(policyName, named, { ...ctx.session.callOptions(), allUsers: named.length === 0 });
      if (holders.path === 'per-user' && named.length === 0) {
        const example = formatPolicyAssignmentImportId({ scope: 'users', policyName, users: ['alice@contoso.com', 'bob@contoso.com'] });
        throw new DiagnosticError(
          'Cannot list the users holding the policy',
          `tenant ${tenantId}: the user search is not available (${holders.reason}). Name the users in the id: "${example}". ${PROBE_HINT}`,
        );
      }
      if (holders.users.length === 0) throw notFound(`no user${named.length > 0 ? ' of those named' : ''} holds ${policyName}`);
      return { ...NOTHING, id: formatPolicyAssignmentImportId({ scope: 'users', policyName, users: [] }), policyName, users: [...holders.users] };
    }
  }
}

/** An imported assignment before its scope is filled in: no scope, no take_over. */
const NOTHING: Omit<PolicyAssignmentState, 'id' | 'policyName'> = { global: null, groupId: null, groupRank: null, users: null, takeOver: null };

export const policyAssignment: ResourceType = typedResource({
  name: NAME,
  schema,
  model: policyAssignmentModel,
  validate,
  plan,
  create,
  read,
  update,
  delete: remove,
  import: importState,
  upgrade: upgradeUsersState,
});
