/**
 * The federation allow-list, edited one entry at a time and never wholesale.
 * (Get-/Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add=...}/@{Remove=...})
 *
 * Two traps of the service shape this module (teams-cvi-reference.md §4): an Add while the
 * tenant allows all known domains would turn it into an allow-list of one entry, and an empty
 * AllowedDomain array is stored as "federate with nobody" while the call reports success.
 */
import { routes } from './routes';
import type { WireFederation, WireFederationEdit } from './wire';
import type { OperationContext } from './context';
import { InvalidInputError, ServiceError } from './errors';
import type { AddDomainOutcome, CallOptions, FederationSettings, RemoveDomainOutcome, WriteOptions } from './types';

const SUBJECT = 'federation settings (TenantFederationSettings Global)';

export function federationFromWire(w: WireFederation): FederationSettings {
  const list = w.AllowedDomains?.AllowedDomain;
  return {
    allowFederatedUsers: w.AllowFederatedUsers,
    allowAllKnownDomains: list === undefined,
    allowedDomains: (list ?? []).map((d) => d.Domain.toLowerCase()),
    blockedDomains: (w.BlockedDomains ?? []).map((d) => d.Domain.toLowerCase()),
  };
}

export async function getFederation(ctx: OperationContext, opts?: CallOptions): Promise<FederationSettings> {
  const res = await ctx.api.call<WireFederation>({
    method: 'GET',
    path: routes.federation(),
    subject: ctx.subject(SUBJECT),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  if (!res.body) throw new ServiceError(ctx.subject(SUBJECT), 'the service answered without a body');
  return federationFromWire(res.body);
}

function normalise(ctx: OperationContext, domain: string): string {
  const d = domain.trim().toLowerCase();
  if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d)) {
    throw new InvalidInputError(ctx.subject(`federation allow-list entry ${domain}`), `"${domain}" is not a domain name`);
  }
  return d;
}

/** Adds one domain. In allow-all mode it is already allowed, so nothing is written. */
export async function addAllowedDomain(ctx: OperationContext, domain: string, opts?: WriteOptions): Promise<AddDomainOutcome> {
  const d = normalise(ctx, domain);
  const deadline = ctx.deadline(opts);
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  const current = await getFederation(ctx, readOpts);
  if (current.allowAllKnownDomains) return 'allow-all';
  if (current.allowedDomains.includes(d)) return 'already-allowed';
  await edit(ctx, { AllowedDomainsAsAList: { Add: [d] } }, deadline, opts);
  await ctx.confirm(opts, deadline, ctx.subject(SUBJECT), `${d} to be on the allow-list`, () => getFederation(ctx, readOpts), (f) =>
    f.allowedDomains.includes(d),
  );
  return 'added';
}

/**
 * Removes one domain. Never removes the last entry: the service would store an empty list,
 * "federate with nobody", so the caller gets 'kept-last-entry' to warn about instead.
 */
export async function removeAllowedDomain(ctx: OperationContext, domain: string, opts?: WriteOptions): Promise<RemoveDomainOutcome> {
  const d = normalise(ctx, domain);
  const deadline = ctx.deadline(opts);
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  const current = await getFederation(ctx, readOpts);
  if (current.allowAllKnownDomains) return 'allow-all';
  if (!current.allowedDomains.includes(d)) return 'absent';
  if (current.allowedDomains.length === 1) return 'kept-last-entry';
  await edit(ctx, { AllowedDomainsAsAList: { Remove: [d] } }, deadline, opts);
  await ctx.confirm(opts, deadline, ctx.subject(SUBJECT), `${d} to be off the allow-list`, () => getFederation(ctx, readOpts), (f) =>
    !f.allowedDomains.includes(d),
  );
  return 'removed';
}

/** PATCH of one Add or Remove: idempotent, so a lost response is simply sent again. */
async function edit(ctx: OperationContext, body: WireFederationEdit, deadline: import('./deadline').Deadline, opts?: CallOptions): Promise<void> {
  await ctx.api.call({ method: 'PATCH', path: routes.federation(), body, subject: ctx.subject(SUBJECT), deadline, signal: opts?.signal });
}
