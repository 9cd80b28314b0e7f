/**
 * Video interop service providers: list, get, create (never twice), update, delete.
 * (Get-/New-/Set-/Remove-CsVideoInteropServiceProvider) §2 of teams-wire-evidence.md.
 */
import { routes } from './routes';
import type { ProviderCreateBody, ProviderDeleteBody, ProviderPatchBody } from './wire';
import { listOf, readServiceProvider } from './wire-read';
import type { OperationContext } from './context';
import { ConflictError, InvalidInputError, NotFoundError, TeamsApiError } from './errors';
import { LostResponseError } from './transport';
import type { CallOptions, ServiceProvider, WriteOptions } from './types';

const joinIds = (ids: readonly string[]) => (ids.length > 0 ? ids.join(';') : null);

/** Only the fields that are set, as the module sends its bound parameters (§2 "Create (MPA)"). */
export function createBody(p: ServiceProvider): ProviderCreateBody {
  const ids = joinIds(p.aadApplicationIds);
  return {
    Identity: p.identity,
    TenantKey: p.tenantKey,
    ...(p.instructionUri ? { InstructionUri: p.instructionUri } : {}),
    ...(ids ? { AadApplicationIds: ids } : {}),
    ...(p.allowAppGuestJoinsAsAuthenticated ? { AllowAppGuestJoinsAsAuthenticated: true } : {}),
  };
}

/** The fields of `wanted` that differ from `current` (§2 "Update (MPA)": PATCH of the changed fields). */
export function patchBody(current: ServiceProvider, wanted: ServiceProvider): ProviderPatchBody {
  const body: ProviderPatchBody = {};
  if (current.tenantKey !== wanted.tenantKey) body.TenantKey = wanted.tenantKey;
  if ((current.instructionUri ?? '') !== (wanted.instructionUri ?? '')) body.InstructionUri = wanted.instructionUri ?? null;
  if (normalisedIds(current) !== normalisedIds(wanted)) body.AadApplicationIds = joinIds(wanted.aadApplicationIds);
  if (current.allowAppGuestJoinsAsAuthenticated !== wanted.allowAppGuestJoinsAsAuthenticated) {
    body.AllowAppGuestJoinsAsAuthenticated = wanted.allowAppGuestJoinsAsAuthenticated;
  }
  return body;
}

const normalisedIds = (p: ServiceProvider) => [...p.aadApplicationIds].map((s) => s.toLowerCase()).sort().join(';');

/** Same settings, comparing identities and app ids as the service does (case-insensitive, any order). */
export function sameServiceProvider(a: ServiceProvider | undefined, b: ServiceProvider): boolean {
  if (!a) return false;
  return a.identity.toLowerCase() === b.identity.toLowerCase() && Object.keys(patchBody(a, b)).length === 0;
}

export async function listServiceProviders(ctx: OperationContext, opts?: CallOptions): Promise<ServiceProvider[]> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.providers(),
    subject: ctx.subject('video interop service providers'),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return listOf(res.body)
    .map(readServiceProvider)
    .filter((p): p is ServiceProvider => p !== undefined);
}

/**
 * Undefined when the tenant has no provider of that identity. Reads the list (§2 "List", High)
 * rather than the single GET, whose answer for a missing provider is not proven.
 */
export async function getServiceProvider(ctx: OperationContext, identity: string, opts?: CallOptions): Promise<ServiceProvider | undefined> {
  const wanted = identity.toLowerCase();
  return (await listServiceProviders(ctx, opts)).find((p) => p.identity.toLowerCase() === wanted);
}

/**
 * Creates the provider (POST, then the module re-reads it). Refuses one that already exists
 * (ConflictError: import it). When a response is lost, reads back before sending again, so
 * the provider is never created twice; a refusal after such a loss is our own earlier attempt
 * when the stored settings equal ours.
 */
export async function createServiceProvider(ctx: OperationContext, p: ServiceProvider, opts?: WriteOptions): Promise<ServiceProvider> {
  const subject = ctx.subject(`provider ${p.identity}`);
  if (!p.tenantKey || p.tenantKey.trim() === '') {
    throw new InvalidInputError(subject, 'tenantKey is required to create a provider (e.g. "teams@contoso.com")');
  }
  const deadline = ctx.deadline(opts);
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  let outcomeUnknown = false;
  for (;;) {
    try {
      await ctx.api.call<unknown>({ method: 'POST', path: routes.providers(), body: createBody(p), subject, deadline, signal: opts?.signal });
      break;
    } catch (err) {
      if (err instanceof LostResponseError) {
        outcomeUnknown = true;
        // The create may have been applied: only an absent provider may be created again.
        const found = await getServiceProvider(ctx, p.identity, readOpts);
        if (found === undefined) continue;
        if (sameServiceProvider(found, p)) break;
        throw new ConflictError(subject, 'it exists with other settings than ours');
      }
      // The service's status for "exists" is not proven (open question 8): read before deciding.
      if (outcomeUnknown && err instanceof TeamsApiError && (err.status === 409 || err.status === 400)) {
        const found = await ctx.confirmPresence(() => getServiceProvider(ctx, p.identity, readOpts), deadline, subject);
        if (sameServiceProvider(found, p)) break;
        if (found) throw new ConflictError(subject, err.message);
      }
      throw err;
    }
  }
  await ctx.confirm(opts, deadline, subject, `provider ${p.identity} to be readable`, () => getServiceProvider(ctx, p.identity, readOpts), (v) =>
    sameServiceProvider(v, p),
  );
  return p;
}

/** Reads the stored provider, then PATCHes only what differs (§2 "Update (MPA)"). */
export async function updateServiceProvider(ctx: OperationContext, p: ServiceProvider, opts?: WriteOptions): Promise<ServiceProvider> {
  const subject = ctx.subject(`provider ${p.identity}`);
  const deadline = ctx.deadline(opts);
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  const current = await getServiceProvider(ctx, p.identity, readOpts);
  if (!current) throw new NotFoundError(subject, 'it is not in the tenant\'s list of providers');
  const body = patchBody(current, p);
  if (Object.keys(body).length === 0) return p;
  await ctx.api.call<unknown>({ method: 'PATCH', path: routes.provider(current.identity), body, subject, deadline, signal: opts?.signal });
  await ctx.confirm(opts, deadline, subject, `provider ${p.identity} to show the new settings`, () => getServiceProvider(ctx, p.identity, readOpts), (v) =>
    sameServiceProvider(v, p),
  );
  return p;
}

/** Deletes the provider (DELETE with the identity as body); one already gone counts as deleted. */
export async function deleteServiceProvider(ctx: OperationContext, identity: string, opts?: WriteOptions): Promise<void> {
  const subject = ctx.subject(`provider ${identity}`);
  const deadline = ctx.deadline(opts);
  const body: ProviderDeleteBody = { Identity: identity };
  await ctx.api.call<unknown>({ method: 'DELETE', path: routes.provider(identity), body, subject, deadline, signal: opts?.signal, accept: [404] });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `provider ${identity} to be gone`, () => getServiceProvider(ctx, identity, readOpts), (v) => v === undefined);
}
