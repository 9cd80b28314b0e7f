/**
 * One domain on the federation allow-list, added or removed by read-modify-write of the whole
 * list, as the module does (§9: the list is read, changed client-side and PATCHed whole; the
 * wire form of -AllowedDomainsAsAList is not proven). (Get-/Set-CsTenantFederationConfiguration)
 *
 * Guards, because the service has traps (teams-cvi-reference.md §4):
 * - allow-all mode (no AllowedDomain list): the domain is allowed already; writing a list
 *   would turn "all" into "these", so nothing is written;
 * - an empty AllowedDomain array is stored as "federate with nobody": never sent, and the last
 *   entry is never removed;
 * - a guard decides only on a confirmed read (the same answer several times in a row), since
 *   a lagging replica may still show the list from before another admin's change;
 * - the write is verified by a confirmed read afterwards; a result the guards forbid is an
 *   error naming what happened, and a change of ours undone by another writer is tried again
 *   (at most FEDERATION_ROUNDS times).
 * What remains: between our confirmed read and our PATCH another writer's change can be
 * overwritten (the service offers no conditional write in the evidence), and two stacks
 * removing the two last entries at once end with one of them kept ('kept-last-entry').
 */
import { isDomain } from '../domain/dns-names';
import { routes } from './routes';
import type { FederationPatchBody } from './wire';
import { readFederation } from './wire-read';
import type { OperationContext } from './context';
import type { Deadline } from './deadline';
import { sleep } from './deadline';
import { DeadlineExceededError, InvalidInputError, ServiceError } from './errors';
import type { AddDomainOutcome, CallOptions, FederationSettings, RemoveDomainOutcome, WriteOptions } from './types';

const SUBJECT = 'federation settings (TenantFederationSettings Global)';

export async function getFederation(ctx: OperationContext, opts?: CallOptions): Promise<FederationSettings> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.federation(),
    subject: ctx.subject(SUBJECT),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  const settings = readFederation(res.body);
  if (!settings) throw new ServiceError(ctx.subject(SUBJECT), 'the service answered without a TenantFederationSettings object');
  return settings;
}

function normalise(ctx: OperationContext, domain: string): string {
  const d = domain.trim().toLowerCase();
  if (!isDomain(d)) {
    throw new InvalidInputError(ctx.subject(`federation allow-list entry ${domain}`), `"${domain}" is not a domain name`);
  }
  return d;
}

const key = (f: FederationSettings) => (f.allowAllKnownDomains ? '*' : [...f.allowedDomains].sort().join(','));

/** Reads until the same allow-list is answered `confirmations` times in a row. */
async function confirmedRead(ctx: OperationContext, deadline: Deadline, opts?: CallOptions): Promise<FederationSettings> {
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  let last = await getFederation(ctx, readOpts);
  let streak = 1;
  const wanted = Math.max(1, ctx.consistency.confirmations);
  while (streak < wanted) {
    if (!deadline.canWait(ctx.consistency.intervalMs)) {
      throw new DeadlineExceededError(ctx.subject(SUBJECT), `before the allow-list read the same ${wanted} times in a row (nothing was written by this read)`);
    }
    await sleep(ctx.consistency.intervalMs, opts?.signal);
    const next = await getFederation(ctx, readOpts);
    streak = key(next) === key(last) ? streak + 1 : 1;
    last = next;
  }
  return last;
}

async function writeList(ctx: OperationContext, domains: readonly string[], deadline: Deadline, opts?: CallOptions): Promise<void> {
  if (domains.length === 0) throw new ServiceError(ctx.subject(SUBJECT), 'refusing to send an empty allow-list (the service stores it as "federate with nobody")');
  const body: FederationPatchBody = { Identity: 'Global', AllowedDomains: { AllowedDomain: domains.map((Domain) => ({ Domain })) } };
  await ctx.api.call({ method: 'PATCH', path: routes.federation(), body, subject: ctx.subject(SUBJECT), deadline, signal: opts?.signal });
}

/** Rounds of read-modify-write before another writer's changes are reported instead of fought. */
export const FEDERATION_ROUNDS = 3;

/**
 * After our write: reads until the answer is confirmed (the same several times in a row) as
 * either our goal or a state nobody here wrote (another writer's). A read still showing the
 * list from before our write is replication lag: waited out, never confirmed. Then checks
 * what no write of ours may leave.
 */
async function readAfterWrite(
  ctx: OperationContext,
  deadline: Deadline,
  opts: WriteOptions | undefined,
  did: string,
  before: FederationSettings,
  goal: (f: FederationSettings) => boolean,
): Promise<FederationSettings> {
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  const wanted = Math.max(1, ctx.consistency.confirmations);
  let streak = 0;
  let lastKey = '';
  let interval = ctx.consistency.intervalMs;
  for (;;) {
    const f = await getFederation(ctx, readOpts);
    const k = goal(f) ? 'goal' : key(f) === key(before) ? 'before' : key(f);
    streak = k !== 'before' && k === lastKey ? streak + 1 : k === 'before' ? 0 : 1;
    lastKey = k;
    if (streak >= wanted) return checkAfterWrite(ctx, f, did);
    interval = k === 'before' ? Math.min(ctx.consistency.maxIntervalMs, interval * 2) : ctx.consistency.intervalMs;
    if (!deadline.canWait(interval)) {
      throw new DeadlineExceededError(ctx.subject(SUBJECT), `after ${did}, before the allow-list read back as written (last read: ${describe(f)})`);
    }
    await sleep(interval, opts?.signal);
  }
}

function checkAfterWrite(ctx: OperationContext, after: FederationSettings, did: string): FederationSettings {
  if (after.allowAllKnownDomains) {
    throw new ServiceError(ctx.subject(SUBJECT), `after ${did} the tenant reads "allow all known domains": another writer changed federation at the same time; check it and apply again`);
  }
  if (after.allowedDomains.length === 0) {
    throw new ServiceError(
      ctx.subject(SUBJECT),
      `after ${did} the allow-list reads empty, which Teams treats as "federate with nobody": another writer changed it at the same time. ` +
        'Restore the entries the tenant needs (Set-CsTenantFederationConfiguration -AllowedDomains) and apply again',
    );
  }
  return after;
}

const describe = (f: FederationSettings) =>
  f.allowAllKnownDomains ? 'allow all known domains' : f.allowedDomains.length === 0 ? 'empty' : f.allowedDomains.join(', ');

const anotherWriter = (ctx: OperationContext, d: string, goal: string) =>
  new ServiceError(ctx.subject(SUBJECT), `${d} is still ${goal} after ${FEDERATION_ROUNDS} rounds of read, write and confirmed read: another writer keeps changing the allow-list; apply again later`);

/** Adds one domain. In allow-all mode it is already allowed, so nothing is written. */
export async function addAllowedDomain(ctx: OperationContext, domain: string, opts?: WriteOptions): Promise<AddDomainOutcome> {
  const d = normalise(ctx, domain);
  const deadline = ctx.deadline(opts);
  for (let round = 1; ; round++) {
    const current = await confirmedRead(ctx, deadline, opts);
    if (current.allowAllKnownDomains) return 'allow-all';
    if (current.allowedDomains.includes(d)) return round === 1 ? 'already-allowed' : 'added';
    if (round > FEDERATION_ROUNDS) throw anotherWriter(ctx, d, 'off the allow-list');
    await writeList(ctx, [...current.allowedDomains, d], deadline, opts);
    if (opts?.waitForConsistency === false) return 'added';
    const after = await readAfterWrite(ctx, deadline, opts, `adding ${d}`, current, (f) => !f.allowAllKnownDomains && f.allowedDomains.includes(d));
    if (after.allowedDomains.includes(d)) return 'added';
  }
}

/**
 * Removes one domain. Never removes the last entry: the service would store an empty list,
 * "federate with nobody", so the caller gets 'kept-last-entry' to warn about instead.
 */
export async function removeAllowedDomain(ctx: OperationContext, domain: string, opts?: WriteOptions): Promise<RemoveDomainOutcome> {
  const d = normalise(ctx, domain);
  const deadline = ctx.deadline(opts);
  for (let round = 1; ; round++) {
    const current = await confirmedRead(ctx, deadline, opts);
    if (current.allowAllKnownDomains) return 'allow-all';
    if (!current.allowedDomains.includes(d)) return round === 1 ? 'absent' : 'removed';
    const rest = current.allowedDomains.filter((x) => x !== d);
    if (rest.length === 0) return 'kept-last-entry';
    if (round > FEDERATION_ROUNDS) throw anotherWriter(ctx, d, 'on the allow-list');
    await writeList(ctx, rest, deadline, opts);
    if (opts?.waitForConsistency === false) return 'removed';
    const after = await readAfterWrite(ctx, deadline, opts, `removing ${d}`, current, (f) => !f.allowAllKnownDomains && f.allowedDomains.length > 0 && !f.allowedDomains.includes(d));
    if (!after.allowedDomains.includes(d)) return 'removed';
  }
}
