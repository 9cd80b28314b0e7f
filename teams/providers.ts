/**
 * Video interop service providers: list, get, create (never twice), update, delete.
 * (Get-/New-/Set-/Remove-CsVideoInteropServiceProvider)
 */
import { routes } from './routes';
import type { WireProvider } from './wire';
import type { OperationContext } from './context';
import { ConflictError, InvalidInputError } from './errors';
import { LostResponseError } from './transport';
import type { CallOptions, VideoInteropProvider, WriteOptions } from './types';
import { listBody } from './list-body';

export function providerFromWire(w: WireProvider): VideoInteropProvider {
  const ids = (w.AadApplicationIds ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    identity: w.Identity,
    tenantKey: w.TenantKey,
    ...(w.InstructionUri ? { instructionUri: w.InstructionUri } : {}),
    aadApplicationIds: ids,
    allowAppGuestJoinsAsAuthenticated: w.AllowAppGuestJoinsAsAuthenticated ?? false,
  };
}

export function providerToWire(p: VideoInteropProvider): WireProvider {
  return {
    Identity: p.identity,
    TenantKey: p.tenantKey,
    InstructionUri: p.instructionUri ?? null,
    // The service stores one semicolon-separated string (teams-cvi-reference.md §2).
    AadApplicationIds: p.aadApplicationIds.length > 0 ? p.aadApplicationIds.join(';') : null,
    AllowAppGuestJoinsAsAuthenticated: p.allowAppGuestJoinsAsAuthenticated,
  };
}

/** Same settings, comparing identities and app ids as the service does (case-insensitive, any order). */
export function sameProvider(a: VideoInteropProvider | undefined, b: VideoInteropProvider): boolean {
  if (!a) return false;
  const ids = (p: VideoInteropProvider) => [...p.aadApplicationIds].map((s) => s.toLowerCase()).sort().join(';');
  return (
    a.identity.toLowerCase() === b.identity.toLowerCase() &&
    a.tenantKey === b.tenantKey &&
    (a.instructionUri ?? '') === (b.instructionUri ?? '') &&
    ids(a) === ids(b) &&
    a.allowAppGuestJoinsAsAuthenticated === b.allowAppGuestJoinsAsAuthenticated
  );
}

export async function listProviders(ctx: OperationContext, opts?: CallOptions): Promise<VideoInteropProvider[]> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.providers(),
    subject: ctx.subject('video interop service providers'),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return listBody<WireProvider>(res.body).map(providerFromWire);
}

export async function getProvider(ctx: OperationContext, identity: string, opts?: CallOptions): Promise<VideoInteropProvider | undefined> {
  const res = await ctx.api.call<WireProvider>({
    method: 'GET',
    path: routes.provider(identity),
    subject: ctx.subject(`provider ${identity}`),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
    accept: [404],
  });
  return res.status === 404 || !res.body ? undefined : providerFromWire(res.body);
}

/**
 * Creates the provider. Refuses one that already exists (ConflictError: import it). When a
 * response is lost, reads back before sending again, so the provider is never created twice;
 * a 409 after such a loss is our own earlier attempt when the stored settings equal ours.
 */
export async function createProvider(ctx: OperationContext, p: VideoInteropProvider, opts?: WriteOptions): Promise<VideoInteropProvider> {
  const subject = ctx.subject(`provider ${p.identity}`);
  if (!p.tenantKey || p.tenantKey.trim() === '') {
    throw new InvalidInputError(subject, 'tenantKey is required to create a provider (e.g. "teams@contoso.com")');
  }
  const deadline = ctx.deadline(opts);
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  let outcomeUnknown = false;
  for (;;) {
    try {
      await ctx.api.call<WireProvider>({
        method: 'POST',
        path: routes.providers(),
        body: providerToWire(p),
        subject,
        deadline,
        signal: opts?.signal,
      });
      break;
    } catch (err) {
      if (err instanceof LostResponseError) {
        outcomeUnknown = true;
        // The create may have been applied: only an absent provider may be created again.
        const found = await getProvider(ctx, p.identity, readOpts);
        if (found === undefined) continue;
        if (sameProvider(found, p)) break;
        throw new ConflictError(subject, 'it exists with other settings than ours');
      }
      if (err instanceof ConflictError && outcomeUnknown) {
        // A replica may not show our lost create yet; the primary's 409 says it exists.
        const found = await ctx.confirmPresence(() => getProvider(ctx, p.identity, readOpts), deadline, subject);
        if (sameProvider(found, p)) break;
      }
      throw err;
    }
  }
  await ctx.confirm(opts, deadline, subject, `provider ${p.identity} to be readable`, () => getProvider(ctx, p.identity, readOpts), (v) =>
    sameProvider(v, p),
  );
  return p;
}

/** Replaces the provider's settings (PUT of every field, so a cleared field is cleared). */
export async function updateProvider(ctx: OperationContext, p: VideoInteropProvider, opts?: WriteOptions): Promise<VideoInteropProvider> {
  const subject = ctx.subject(`provider ${p.identity}`);
  const deadline = ctx.deadline(opts);
  await ctx.api.call<WireProvider>({
    method: 'PUT',
    path: routes.provider(p.identity),
    body: providerToWire(p),
    subject,
    deadline,
    signal: opts?.signal,
  });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `provider ${p.identity} to show the new settings`, () => getProvider(ctx, p.identity, readOpts), (v) =>
    sameProvider(v, p),
  );
  return p;
}

/** Deletes the provider; one that is already gone counts as deleted. */
export async function deleteProvider(ctx: OperationContext, identity: string, opts?: WriteOptions): Promise<void> {
  const subject = ctx.subject(`provider ${identity}`);
  const deadline = ctx.deadline(opts);
  await ctx.api.call<unknown>({ method: 'DELETE', path: routes.provider(identity), subject, deadline, signal: opts?.signal, accept: [404] });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `provider ${identity} to be gone`, () => getProvider(ctx, identity, readOpts), (v) => v === undefined);
}
