/**
 * cvi_federation_allowed_domain: one domain on the tenant's federation allow-list (hosted CVI
 * offerings need the vendor's domain there). Only our entry is added or removed, by
 * read-modify-write of the list as Microsoft's module does it (teams-wire-evidence.md §9).
 * When the tenant allows all known domains, the domain is already allowed: nothing is written.
 * Import id: the domain (domain/import-ids.ts). Create, read, update, delete and import work on
 * the model (federation-allowed-domain-model.ts).
 */
import { isDomain } from '../../domain/dns-names';
import { formatFederationDomainImportId, INVALID_IMPORT_ID, parseFederationDomainImportId } from '../../domain/import-ids';
import type { FederationSettings } from '../../teams';
import { DiagnosticError, errorAt, type Diagnostic } from '../diagnostics';
import { knownString, planFromSchema, type PlanInput, type PlanOutcome } from '../plan';
import type { BlockSchema } from '../schema';
import { isUnknown, type TfObject } from '../server/values';
import { typedResource, type ResourceContext, type ResourceType } from './resource';
import { applyAdoptionRule, claimOf, claimOfModel, takeOverAttribute, warnDefaultRestored, type Claim, type Occupant, type Phase } from './adoption';
import { FEDERATION_ALLOWED_DOMAIN as NAME, federationAllowedDomainModel, type FederationAllowedDomainState } from './federation-allowed-domain-model';

// ---- schema ----
const schema: BlockSchema = {
  version: 0,
  description: "One domain on the tenant's federation allow-list (Teams external access). Needs the Teams Administrator role.",
  attributes: {
    id: { type: 'string', computed: true, description: 'The domain.' },
    domain: { type: 'string', required: true, forcesReplacement: true, description: "The domain to allow, e.g. the vendor's pexip.me." },
    allow_opening_federation: {
      type: 'bool',
      optional: true,
      description:
        'true lets this resource add the domain to a tenant that federates with nobody (an empty allow-list), opening federation to this domain. ' +
        'Without it, such a tenant is left as it is and plan fails with an explanation.',
    },
    allow_all_known_domains: {
      type: 'bool',
      computed: true,
      description: 'true when the tenant allows all known domains: the domain is allowed already and nothing was written.',
    },
    take_over: takeOverAttribute,
  },
};

function validate(config: TfObject): Diagnostic[] {
  const domain = knownString(config.domain);
  if (domain !== undefined && !isDomain(domain)) {
    return [errorAt('domain', 'Invalid domain', `${NAME}: domain must be a DNS domain name such as pexip.me; got "${domain}".`)];
  }
  return [];
}

async function plan(input: PlanInput, ctx: ResourceContext | undefined): Promise<PlanOutcome> {
  const outcome = planFromSchema(schema, input);
  const domain = knownString(outcome.planned.domain);
  if (domain !== undefined) outcome.planned.id = domain;
  // Refuse at plan time what create would refuse; an unknown opt-in is decided at apply.
  if (ctx && input.prior === null && domain !== undefined && !isUnknown(outcome.planned.allow_opening_federation ?? null)) {
    await refuseToOpenFederation(ctx, domain, outcome.planned.allow_opening_federation === true);
  }
  if (ctx && input.prior === null && domain !== undefined) await adoptionRule(ctx, claimOf(outcome.planned), domain, 'plan');
  return outcome;
}

/**
 * The adoption rule (adoption.ts): a domain already on the allow-list belongs to whoever put it
 * there, even though the value is the same: two stacks must never silently own one entry (the
 * first destroy would remove it from under the other).
 */
async function adoptionRule(ctx: ResourceContext, claim: Claim, domain: string, phase: Phase): Promise<Occupant | undefined> {
  const settings = await ctx.session.lists.federation();
  const entry = settings.allowAllKnownDomains ? undefined : settings.allowedDomains.find((d) => d.toLowerCase() === domain.toLowerCase());
  const occupant = entry === undefined ? undefined : { description: `${entry} on the federation allow-list`, importId: formatFederationDomainImportId(entry), match: { domain } };
  return applyAdoptionRule(ctx, NAME, 'Domain already on the allow-list', claim, occupant, phase, 'domain');
}

/**
 * An allow-list that is present and empty is how Teams stores "federate with nobody": a tenant
 * that chose to talk to no other organisation. Adding one entry would open federation to that
 * domain, a decision for the tenant's admin, not a side effect of a CVI rollout.
 */
async function refuseToOpenFederation(ctx: ResourceContext, domain: string, optedIn: boolean): Promise<void> {
  if (optedIn) return;
  const settings = await ctx.session.lists.federation();
  if (settings.allowAllKnownDomains || settings.allowedDomains.length > 0) return;
  throw new DiagnosticError(
    'Tenant federates with nobody',
    `tenant ${ctx.session.tenantId}: the federation allow-list is empty, which Teams stores as "federate with nobody"; adding ${domain} would open ` +
      `federation to it. Nothing was changed. If the tenant's admin agrees, set allow_opening_federation = true on this resource ` +
      '(federation.allowOpeningFederation: true in the tenant file), or add the domain in the Teams admin center.',
    ['domain'],
  );
}

const allowAllWarning = (ctx: ResourceContext, domain: string): [string, string] => [
  'Nothing written: the tenant allows all known domains',
  `tenant ${ctx.session.tenantId}: federation allows all known domains, so ${domain} is allowed already and the allow-list was left as it is ` +
    '(adding an entry would turn "allow all" into an allow-list of one domain). allow_all_known_domains is true.',
];

const listed = (settings: FederationSettings, domain: string) => settings.allowedDomains.some((d) => d.toLowerCase() === domain.toLowerCase());

// ---- create ----
async function create(ctx: ResourceContext, planned: FederationAllowedDomainState): Promise<FederationAllowedDomainState> {
  const domain = planned.domain;
  // Again at apply: the list may have been emptied since the plan.
  ctx.session.lists.forget('federation');
  await refuseToOpenFederation(ctx, domain, planned.allowOpeningFederation === true);
  const adopted = await adoptionRule(ctx, claimOfModel(planned), domain, 'apply');
  let outcome;
  try {
    outcome = await ctx.session.client.addAllowedDomain(domain, ctx.session.callOptions());
  } finally {
    ctx.session.lists.forget('federation');
  }
  if (outcome === 'allow-all') ctx.warn(...allowAllWarning(ctx, domain));
  if (outcome === 'already-allowed' && !adopted) {
    // Added by someone else between the check above and the write: ours now, say so.
    ctx.warn(
      'Domain was already on the allow-list',
      `tenant ${ctx.session.tenantId}: ${domain} was on the federation allow-list before this apply; it is now managed here and destroying this resource removes it.`,
    );
  }
  return { ...planned, id: domain, allowAllKnownDomains: outcome === 'allow-all' };
}

// ---- read ----
async function read(ctx: ResourceContext, state: FederationAllowedDomainState): Promise<FederationAllowedDomainState | null> {
  const domain = state.domain;
  const settings = await ctx.session.lists.federation();
  if (settings.allowAllKnownDomains) return { ...state, id: domain, domain, allowAllKnownDomains: true };
  // An allow-list without our domain: it was removed by hand, so plan to add it again.
  return listed(settings, domain) ? { ...state, id: domain, domain, allowAllKnownDomains: false } : null;
}

// ---- update ----
/** Only the computed flag can differ (the domain forces a new object): nothing to write. */
async function update(_ctx: ResourceContext, _prior: FederationAllowedDomainState, planned: FederationAllowedDomainState): Promise<FederationAllowedDomainState> {
  return planned;
}

// ---- delete ----
async function remove(ctx: ResourceContext, state: FederationAllowedDomainState): Promise<void> {
  const domain = state.domain;
  let outcome;
  try {
    outcome = await ctx.session.client.removeAllowedDomain(domain, ctx.session.callOptions());
  } finally {
    ctx.session.lists.forget('federation');
  }
  if (outcome === 'allow-all') ctx.warn(...allowAllWarning(ctx, domain));
  if (outcome === 'kept-last-entry') {
    ctx.warn(
      'Domain left on the allow-list: it is the last entry',
      `tenant ${ctx.session.tenantId}: ${domain} is the only entry of the federation allow-list. Removing it would leave an empty list, ` +
        'which Teams stores as "federate with nobody", so nothing was sent. Remove it in the Teams admin center if that is what you want.',
    );
  }
  if (outcome === 'removed') warnDefaultRestored(ctx, `${domain} is off the federation allow-list`);
}

// ---- import ----
async function importState(ctx: ResourceContext, id: string): Promise<FederationAllowedDomainState> {
  const parsed = parseFederationDomainImportId(id);
  if (!parsed.ok) throw new DiagnosticError(INVALID_IMPORT_ID, `${NAME}: ${parsed.problem}.`);
  const domain = parsed.value;
  const settings = await ctx.session.lists.federation();
  if (!settings.allowAllKnownDomains && !listed(settings, domain)) {
    throw new DiagnosticError(
      'Cannot import: domain not allowed',
      `tenant ${ctx.session.tenantId}: ${domain} is not on the federation allow-list (entries: ${settings.allowedDomains.join(', ') || 'none'}).`,
    );
  }
  return { id: domain, domain, allowOpeningFederation: null, allowAllKnownDomains: settings.allowAllKnownDomains, takeOver: null };
}

export const federationAllowedDomain: ResourceType = typedResource({
  name: NAME,
  schema,
  model: federationAllowedDomainModel,
  validate,
  plan,
  create,
  read,
  update,
  delete: remove,
  import: importState,
});
