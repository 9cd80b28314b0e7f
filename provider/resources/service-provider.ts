/**
 * cvi_video_interop_service_provider: one video interop service provider of the tenant
 * (New-/Get-/Set-/Remove-CsVideoInteropServiceProvider). Import id: the identity, e.g. Pexip.
 * Create, read, update, delete and import work on its model (service-provider-model.ts).
 */
import { formatServiceProviderImportId, INVALID_IMPORT_ID, parseServiceProviderImportId } from '../../domain/import-ids';
import type { ServiceProvider } from '../../teams';
import { isGuid } from '../config-schema';
import { instructionUriProblem, tenantKeyProblem } from '../../domain/service-provider';
import { DiagnosticError, errorAt, isTeamsError, type Diagnostic } from '../diagnostics';
import { knownString, knownStrings, planFromSchema } from '../plan';
import type { BlockSchema } from '../schema';
import type { TfObject } from '../server/values';
import { alreadyExists as occupied, applyAdoptionRule, claimOf, claimOfModel, importCommand, takeOverAttribute, mayAdopt, warnDefaultRestored, type Occupant } from './adoption';
import { identityProblem, MAX_IDENTITY_LENGTH } from './provider-identity';
import { typedResource, type ResourceContext, type ResourceType } from './resource';
import { SERVICE_PROVIDER as NAME, serviceProviderModel, type ServiceProviderState } from './service-provider-model';

// ---- schema ----
const schema: BlockSchema = {
  version: 0,
  description: 'A Teams video interop service provider (the CVI vendor: Pexip, Polycom, Cisco, BlueJeans). Needs the Teams Administrator role.',
  attributes: {
    id: { type: 'string', computed: true, description: 'The identity.' },
    identity: {
      type: 'string',
      required: true,
      forcesReplacement: true,
      description: `Provider name: Pexip, Polycom, Cisco or BlueJeans. Must match the policy you grant (without Tag:), or invites carry no VTC details. At most ${MAX_IDENTITY_LENGTH} characters, no surrounding spaces, not "." or "..", no "/" or "\\".`,
    },
    tenant_key: { type: 'string', required: true, description: "The vendor's IVR address shown in invites, e.g. teams@contoso.com." },
    instruction_uri: { type: 'string', optional: true, description: 'Alternate VTC dialing instructions link: an https: URL containing {ConfId}.' },
    aad_application_ids: {
      type: ['set', 'string'],
      optional: true,
      description: "App (client) ids of the vendor's bots (GUIDs). Compared without regard to case; the same id twice in different case is an error.",
    },
    allow_app_guest_joins_as_authenticated: {
      type: 'bool',
      optional: true,
      computed: true,
      default: false,
      description: "VTCs joining through the vendor's bots count as authenticated (they bypass the lobby). Default false.",
    },
    take_over: takeOverAttribute,
  },
};

/** A value for a message: JSON-quoted (control characters escaped) and cut to 80 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

function validate(config: TfObject): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const identity = knownString(config.identity);
  const identityRule = identity === undefined ? undefined : identityProblem(identity);
  if (identity !== undefined && identityRule) {
    problems.push(errorAt('identity', 'Invalid identity', `${NAME}: identity ${identityRule}; got ${shown(identity)}.`));
  }
  const tenantKey = knownString(config.tenant_key);
  const keyProblem = tenantKey === undefined ? undefined : tenantKeyProblem(tenantKey);
  if (tenantKey !== undefined && keyProblem) problems.push(errorAt('tenant_key', 'Invalid tenant_key', `${NAME}: tenant_key ${keyProblem}; got ${shown(tenantKey)}.`));
  const uri = knownString(config.instruction_uri);
  const uriProblem = uri === undefined ? undefined : instructionUriProblem(uri);
  if (uri !== undefined && uriProblem) problems.push(errorAt('instruction_uri', 'Invalid instruction_uri', `${NAME}: instruction_uri ${uriProblem}; got ${shown(uri)}.`));
  const ids = knownStrings(config.aad_application_ids) ?? [];
  for (const id of ids) {
    if (!isGuid(id)) problems.push(errorAt('aad_application_ids', 'Invalid application id', `${NAME}: aad_application_ids must hold GUIDs; got ${shown(id)}.`));
  }
  // The service compares ids without case and keeps one: two spellings would drift forever.
  const seen = new Map<string, string>();
  for (const id of ids) {
    const first = seen.get(id.toLowerCase());
    if (first !== undefined && first !== id) {
      problems.push(errorAt('aad_application_ids', 'Duplicate application id', `${NAME}: aad_application_ids holds the same id twice in different case (${first} and ${id}); keep one.`));
    }
    seen.set(id.toLowerCase(), first ?? id);
  }
  return problems;
}

function toProvider(planned: ServiceProviderState): ServiceProvider {
  return {
    identity: planned.identity,
    tenantKey: planned.tenantKey,
    ...(planned.instructionUri !== null ? { instructionUri: planned.instructionUri } : {}),
    aadApplicationIds: [...(planned.aadApplicationIds ?? [])],
    allowAppGuestJoinsAsAuthenticated: planned.allowAppGuestJoinsAsAuthenticated === true,
  };
}

/** The import command for the provider `configured` names (see adoption.ts). */
export function importHint(configured: string, importId: string, dir: string = process.cwd()): string {
  return importCommand(NAME, { identity: configured }, importId, dir);
}

const SUMMARY = 'Video interop service provider already exists';

/** `configured`: the identity as the configuration spells it; `identity`: as Teams holds it. */
function occupant(configured: string, identity: string = configured): Occupant {
  return { description: `provider ${identity}`, importId: formatServiceProviderImportId(identity), match: { identity: configured } };
}

async function plan(input: Parameters<ResourceType['plan']>[0], ctx: ResourceContext | undefined) {
  const outcome = planFromSchema(schema, input);
  const identity = knownString(outcome.planned.identity);
  if (identity !== undefined) outcome.planned.id = identity;
  // Refuse at plan time what apply would refuse: the identity is taken by an object no state owns.
  if (ctx && input.prior === null && identity !== undefined) {
    const existing = await ctx.session.lists.serviceProvider(identity);
    applyAdoptionRule(ctx, NAME, SUMMARY, claimOf(outcome.planned), existing && occupant(identity, existing.identity), 'plan', 'identity');
  }
  if (ctx && identity !== undefined) await warnWithoutPolicy(ctx, identity);
  return outcome;
}

/**
 * Teams stamps VTC details on invites only when the granted policy names this provider; the
 * service accepts any identity without saying so, so say it here.
 */
async function warnWithoutPolicy(ctx: ResourceContext, identity: string): Promise<void> {
  const policies = (await ctx.session.lists.policies()).filter((p) => p.enabled);
  if (policies.some((p) => p.providerName.toLowerCase() === identity.toLowerCase())) return;
  const named = [...new Set(policies.map((p) => p.providerName))].join(', ');
  ctx.warn(
    'No policy names this provider',
    `tenant ${ctx.session.tenantId}: no enabled TeamsVideoInteropServicePolicy has provider "${identity}", so invites will carry no VTC ` +
      `dialing details for it. The tenant's policies name: ${named || '(none)'}; use one of those as identity.`,
    'identity',
  );
}

// ---- create ----
async function create(ctx: ResourceContext, planned: ServiceProviderState): Promise<ServiceProviderState> {
  const identity = planned.identity;
  const options = ctx.session.callOptions();
  try {
    // Without take_over (or a note of this configuration's own cut-off create) the create itself
    // is the check: the service refuses a second provider of an identity, and that refusal is
    // the adoption rule's error (no extra read).
    const existing = mayAdopt(ctx, NAME, claimOfModel(planned)) ? await liveProvider(ctx, identity) : undefined;
    if (existing) {
      applyAdoptionRule(ctx, NAME, SUMMARY, claimOfModel(planned), occupant(identity, existing.identity), 'apply', 'identity');
      await ctx.session.client.updateServiceProvider(toProvider(planned), options);
    } else {
      await ctx.session.client.createServiceProvider(toProvider(planned), options);
    }
  } catch (error) {
    if (isTeamsError(error, 'ConflictError')) throw occupied(ctx, NAME, SUMMARY, occupant(identity), 'identity');
    throw error;
  } finally {
    ctx.session.lists.forget('service-providers');
  }
  return { ...planned, id: planned.identity };
}

/** The provider of that identity as the service holds it now, not as cached at plan time. */
async function liveProvider(ctx: ResourceContext, identity: string): Promise<ServiceProvider | undefined> {
  return ctx.session.client.getServiceProvider(identity, ctx.session.callOptions());
}

// ---- read ----
/** Keeps the configuration's spelling where the service compares without case. */
function sameIgnoringCase(stateValue: string | undefined, live: string): string {
  return stateValue !== undefined && stateValue.toLowerCase() === live.toLowerCase() ? stateValue : live;
}

function toState(live: ServiceProvider, state: ServiceProviderState | null): ServiceProviderState {
  const priorIds = state?.aadApplicationIds ?? undefined;
  const ids = live.aadApplicationIds.map((id) => priorIds?.find((p) => p.toLowerCase() === id.toLowerCase()) ?? id);
  const identity = sameIgnoringCase(state?.identity, live.identity);
  return {
    id: identity,
    identity,
    tenantKey: live.tenantKey,
    instructionUri: live.instructionUri ?? (state?.instructionUri === '' ? '' : null),
    // An empty set and no set mean the same to the service; keep what the configuration said.
    aadApplicationIds: ids.length === 0 && (state?.aadApplicationIds ?? null) === null ? null : ids,
    allowAppGuestJoinsAsAuthenticated: live.allowAppGuestJoinsAsAuthenticated,
    takeOver: state?.takeOver ?? null,
  };
}

async function read(ctx: ResourceContext, state: ServiceProviderState): Promise<ServiceProviderState | null> {
  const live = await ctx.session.lists.serviceProvider(state.identity);
  return live ? toState(live, state) : null;
}

// ---- update ----
async function update(ctx: ResourceContext, _prior: ServiceProviderState, planned: ServiceProviderState): Promise<ServiceProviderState> {
  try {
    await ctx.session.client.updateServiceProvider(toProvider(planned), ctx.session.callOptions());
  } finally {
    ctx.session.lists.forget('service-providers');
  }
  return { ...planned, id: planned.identity };
}

// ---- delete ----
async function remove(ctx: ResourceContext, state: ServiceProviderState): Promise<void> {
  const identity = state.identity;
  try {
    await ctx.session.client.deleteServiceProvider(identity, ctx.session.callOptions());
  } finally {
    ctx.session.lists.forget('service-providers');
  }
  warnDefaultRestored(ctx, `no provider ${identity} (deleted)`);
}

// ---- import ----
async function importState(ctx: ResourceContext, id: string): Promise<ServiceProviderState> {
  const parsed = parseServiceProviderImportId(id);
  // Every id parses (the tenant says whether a provider has that identity); the rule is the domain's.
  if (!parsed.ok) throw new DiagnosticError(INVALID_IMPORT_ID, `${NAME}: ${parsed.problem}.`);
  const live = await ctx.session.lists.serviceProvider(parsed.value);
  if (!live) {
    const present = (await ctx.session.lists.serviceProviders()).map((p) => p.identity);
    throw new DiagnosticError(
      'Cannot import: no such provider',
      `tenant ${ctx.session.tenantId}: there is no video interop service provider "${id}"; the import id is its identity. ` +
        `Providers in this tenant: ${present.length > 0 ? present.join(', ') : '(none)'}.`,
    );
  }
  return toState(live, null);
}

export const serviceProvider: ResourceType = typedResource({
  name: NAME,
  schema,
  model: serviceProviderModel,
  validate,
  plan,
  create,
  read,
  update,
  delete: remove,
  import: importState,
});
