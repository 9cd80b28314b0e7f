/**
 * Create, update and delete of a users assignment, batch by batch, keeping what the service
 * accepted. A batch reports each user's result (evidence §8), so when some users fail the
 * others are granted all the same: the answer to Terraform carries them (PartialApplyError),
 * and the object is recorded (tainted after a create) instead of being forgotten with grants
 * already made in the tenant.
 *
 * Removals that fail are read back: a user the directory no longer knows, or who no longer
 * holds the policy, has nothing left to remove and is skipped with a warning. The result texts
 * of a batch are not in the evidence (§8 names the keys only), so the read decides, not the text.
 */
import { DiagnosticError, PartialApplyError } from '../diagnostics';
import type { ResourceContext } from './resource';
import { POLICY_ASSIGNMENT as NAME, type PolicyAssignmentState } from './policy-assignment-model';
import { usersDiff } from './policy-scope';
import { failedUsers, listUsers } from './policy-users';

/** A partial result: the assignment as it stands, with the users it holds now. */
const partial = (state: PolicyAssignmentState | null, reason: unknown) => new PartialApplyError<PolicyAssignmentState>(state, reason);
/** How long a create that failed without per-user results may spend reading who was granted. */
export const READ_BACK_MS = 15_000;

/** A user the service did not accept, with its reason. */
interface Refused {
  readonly user: string;
  readonly reason: string;
}

/** Sends one policy (null: back to the default) to users; answers the users the service did not accept. */
async function sendBatches(ctx: ResourceContext, policyName: string | null, users: readonly string[]): Promise<Refused[]> {
  if (users.length === 0) return [];
  try {
    await ctx.session.client.assignPolicyToUsers(policyName, users, { ...ctx.session.callOptions(), operationName: `terraform ${NAME}` });
    return [];
  } catch (error) {
    const failed = failedUsers(error);
    if (!failed) throw error;
    return users.filter((u) => failed.has(u.toLowerCase())).map((user) => ({ user, reason: failed.get(user.toLowerCase()) ?? '' }));
  }
}

const userOf = (r: Refused) => r.user;
/** The first few with the service's reason: more would bury the error under repeated text. */
const withReasons = (refused: readonly Refused[]) =>
  listUsers(refused.map((r, i) => (i < 3 && r.reason !== '' ? `${r.user} (${r.reason})` : r.user)));

/** Removes the policy from users; answers those it could not remove who still hold it. */
async function revokeUsers(ctx: ResourceContext, heldPolicy: string, users: readonly string[]): Promise<string[]> {
  const failed = (await sendBatches(ctx, null, users)).map(userOf);
  if (failed.length === 0) return [];
  const holders = await ctx.session.client.usersHoldingPolicy(heldPolicy, failed, ctx.session.callOptions());
  const held = new Set(holders.users.map((u) => u.toLowerCase()));
  const skipped = failed.filter((u) => !held.has(u.toLowerCase()));
  if (skipped.length > 0) {
    ctx.warn(
      'Users no longer in the directory skipped',
      `tenant ${ctx.session.tenantId}: Users no longer in the directory skipped: ${listUsers(skipped)}. ` +
        `The service refused to change their ${heldPolicy} assignment and none of them holds it any more, so there is nothing left to remove.`,
      'users',
    );
  }
  return failed.filter((u) => held.has(u.toLowerCase()));
}

const notGranted = (policyName: string, failed: readonly Refused[], requested: number) =>
  new DiagnosticError(
    'Some users could not be assigned',
    `${failed.length} of ${requested} users were not granted ${policyName}: ${withReasons(failed)}. ` +
      `The users the service accepted are recorded in state. Fix or remove those users in "users" and apply again.`,
    ['users'],
  );

const notRemoved = (policyName: string, held: readonly string[]) =>
  new DiagnosticError(
    'Some users could not be removed',
    `${held.length} users still hold ${policyName} after the service refused to remove it: ${listUsers(held)}. ` +
      'They stay in state; apply or destroy again to retry.',
    ['users'],
  );

const withoutUsers = (users: readonly string[], gone: readonly string[]) => {
  const drop = new Set(gone.map((u) => u.toLowerCase()));
  return users.filter((u) => !drop.has(u.toLowerCase()));
};

/**
 * After a create failed without per-user results (a deadline, a batch the service never
 * answered), earlier batches may have been granted: who of `users` holds the policy now, or
 * undefined when that cannot be read in time. Granting is idempotent, so the cost of not
 * knowing is only grants no state records; this read records them.
 */
async function grantedAfterFailure(ctx: ResourceContext, policyName: string, users: readonly string[]): Promise<string[] | undefined> {
  const options = ctx.session.callOptions();
  if (options.signal.aborted) return undefined;
  try {
    const holders = await ctx.session.client.usersHoldingPolicy(policyName, users, { ...options, deadline: Math.min(options.deadline, Date.now() + READ_BACK_MS) });
    return [...holders.users];
  } catch {
    return undefined;
  }
}

export async function createUsers(ctx: ResourceContext, planned: PolicyAssignmentState): Promise<PolicyAssignmentState> {
  const policyName = planned.policyName;
  const users = planned.users ?? [];
  let failed: Refused[];
  try {
    failed = await sendBatches(ctx, policyName, users);
  } catch (error) {
    const granted = await grantedAfterFailure(ctx, policyName, users);
    if (granted === undefined || granted.length === 0) throw error;
    throw partial({ ...planned, users: granted }, error);
  }
  if (failed.length === 0) return planned;
  const accepted = withoutUsers(users, failed.map(userOf));
  throw partial(accepted.length === 0 ? null : { ...planned, users: accepted }, notGranted(policyName, failed, users.length));
}

export async function updateUsers(ctx: ResourceContext, prior: PolicyAssignmentState, planned: PolicyAssignmentState): Promise<PolicyAssignmentState> {
  const policyName = planned.policyName;
  const policyChanged = prior.policyName.toLowerCase() !== policyName.toLowerCase();
  const after = planned.users ?? [];
  const { added, removed, kept } = usersDiff(prior.users ?? [], after);
  // A new policy replaces the old one for every user who keeps it: one grant per user either way.
  const toGrant = policyChanged ? [...kept, ...added] : added;
  const failed = await sendBatches(ctx, policyName, toGrant);
  const stillHeld = await revokeUsers(ctx, prior.policyName, removed);
  if (failed.length === 0 && stillHeld.length === 0) return planned;
  const recorded = { ...planned, users: [...withoutUsers(after, failed.map(userOf)), ...stillHeld] };
  throw partial(recorded, failed.length > 0 ? notGranted(policyName, failed, toGrant.length) : notRemoved(prior.policyName, stillHeld));
}

export async function deleteUsers(ctx: ResourceContext, state: PolicyAssignmentState): Promise<void> {
  const policyName = state.policyName;
  const stillHeld = await revokeUsers(ctx, policyName, state.users ?? []);
  if (stillHeld.length > 0) throw partial({ ...state, users: stillHeld }, notRemoved(policyName, stillHeld));
}
