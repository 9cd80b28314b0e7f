/**
 * CVI policy grants to one user and to the whole tenant (Grant-CsTeamsVideoInteropServicePolicy
 * -Identity / -Global), and the reads that check them. Group grants are in `groups.ts`; who
 * holds a policy is in `holders.ts`.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import type { TenantGrantBody, UserGrantBody } from './wire';
import { field, policyNameOf, readEffectivePolicy } from './wire-read';
import type { OperationContext } from './context';
import type { PolicyCatalog } from './policies';
import type { CallOptions, TenantGrantRead, WriteOptions } from './types';

/** What a grant of `resolved` is stored as: granting Global means "no assignment of its own". */
export function storedForm(resolved: string | null): string | null {
  return resolved === null || resolved.toLowerCase() === 'global' ? null : resolved;
}

export const sameName = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * The policy the user effectively gets (`Global` when nothing else applies), from the proven
 * per-user read (§5, High). Effective means a direct, group or tenant-wide grant; the direct
 * assignment alone has no proven read.
 */
export async function getEffectivePolicy(ctx: OperationContext, user: string, opts?: CallOptions): Promise<string | null> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.userEffectivePolicy(user),
    query: { policyType: VIDEO_INTEROP_POLICY_TYPE },
    subject: ctx.subject(`user ${user}`),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return readEffectivePolicy(res.body, VIDEO_INTEROP_POLICY_TYPE);
}

/** Grants `policyName` to the user directly, or removes the direct assignment with null (§4). */
export async function grantUser(
  ctx: OperationContext,
  policies: PolicyCatalog,
  user: string,
  policyName: string | null,
  opts?: WriteOptions,
): Promise<void> {
  const object = `user ${user}`;
  const resolved = policyName === null ? null : await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(object);
  const body: UserGrantBody = { policyName: storedForm(resolved), additionalParameters: null };
  await ctx.api.call({ method: 'PATCH', path: routes.userGrant(user), body, subject, deadline, signal: opts?.signal });
  if (body.policyName === null) return; // the effective policy after a removal depends on other grants
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `${user}'s effective policy to be ${body.policyName}`, () => getEffectivePolicy(ctx, user, readOpts), (v) =>
    sameName(v, body.policyName),
  );
}

/** Statuses by which a service says "no such route or query": a candidate read is then unavailable. */
export const UNAVAILABLE_STATUSES: readonly number[] = [400, 404, 405, 501];

/**
 * CANDIDATE read of the tenant-wide grant: GET on the PATCH path (§6 "Read back": no read is
 * proven). Answers `{available: false}` instead of throwing when the service refuses the route
 * or answers a shape without a policy name, so the caller can warn and keep what it knew.
 */
export async function readTenantGrant(ctx: OperationContext, opts?: CallOptions): Promise<TenantGrantRead> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.tenantGrant(),
    subject: ctx.subject('tenant-wide (Global) assignment'),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
    accept: UNAVAILABLE_STATUSES,
  });
  if (UNAVAILABLE_STATUSES.includes(res.status)) return { available: false, reason: `GET ${routes.tenantGrant()} answered ${res.status}` };
  const name = field(res.body, 'PolicyName');
  if (name !== null && typeof name !== 'string') {
    return { available: false, reason: `GET ${routes.tenantGrant()} answered without a PolicyName` };
  }
  return { available: true, policyName: storedForm(policyNameOf(name)) };
}

/** Grants `policyName` tenant-wide; null (or Global) restores the default (§6). */
export async function grantTenant(
  ctx: OperationContext,
  policies: PolicyCatalog,
  policyName: string | null,
  opts?: WriteOptions,
): Promise<TenantGrantRead> {
  const object = 'tenant-wide (Global) assignment';
  const resolved = policyName === null ? null : await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(object);
  const body: TenantGrantBody = { PolicyName: storedForm(resolved), additionalParameters: null, forceSwitchPresent: false };
  await ctx.api.call({ method: 'PATCH', path: routes.tenantGrant(), body, subject, deadline, signal: opts?.signal });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  // Without a read route the write cannot be confirmed: say so rather than wait for nothing.
  const first = await readTenantGrant(ctx, readOpts);
  if (!first.available || opts?.waitForConsistency === false) return first;
  await ctx.confirm(opts, deadline, subject, `the tenant-wide grant to read back as ${body.PolicyName ?? 'the default'}`, () => readTenantGrant(ctx, readOpts), (v) =>
    v.available && sameName(v.policyName, body.PolicyName),
  );
  return { available: true, policyName: body.PolicyName };
}
