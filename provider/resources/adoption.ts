/**
 * One adoption rule for every resource. A create that finds its scope already holding a value
 * (a provider of the identity, a non-default tenant-wide grant, a group's grant of this policy
 * type, declared users holding the policy directly, the domain on the allow-list) belongs to
 * someone else until shown otherwise: two stacks must never silently own one object. So the
 * create fails, at plan and again at apply, saying how to import it, unless the resource sets
 * `take_over = true`; then it adopts the object, overwrites it with the configuration and says
 * so in a warning. A destroy puts the scope back to its default, and says that too.
 */
import { DiagnosticError } from '../diagnostics';
import type { AttributeSchema } from '../schema';
import { isUnknown, type TfObject } from '../server/values';
import { earlierNote } from '../in-flight';
import { addressInConfig } from './config-address';
import type { ResourceContext } from './resource';

export const TAKE_OVER = 'take_over';

export const takeOverAttribute: AttributeSchema = {
  type: 'bool',
  optional: true,
  description:
    'true lets a create adopt what already holds its place in the tenant (made by hand or by another stack) and overwrite it with this ' +
    'configuration, with a warning. Without it such a create fails at plan and at apply, saying how to import the object instead.',
};

/** What already holds the place a create wants. */
export interface Occupant {
  /** What it is, for messages, e.g. `provider Pexip` or `the tenant-wide grant of PolycomServiceProviderEnabled`. */
  readonly description: string;
  /** The id `terraform import` takes for it. */
  readonly importId: string;
  /** Literal attributes naming the resource in the configuration, to find its address (config-address.ts). */
  readonly match: Readonly<Record<string, unknown>>;
}

/**
 * The import command for an object no state owns, as exact as the provider can make it: the
 * protocol does not say which resource is being planned (see config-address.ts), so the address
 * comes from the configuration files when they name exactly one such resource, and otherwise the
 * user is pointed at the address Terraform prints in the "with" line above the error.
 */
export function importCommand(type: string, match: Readonly<Record<string, unknown>>, importId: string, dir: string = process.cwd()): string {
  const address = addressInConfig(type, match, dir);
  const where = `in ${dir}`;
  if (address) return `\`terraform import ${address} ${importId}\` (${where})`;
  return `\`terraform import <address> ${importId}\` (${where}), where <address> is the one Terraform shows after "with" above`;
}

export function alreadyExists(ctx: ResourceContext, type: string, summary: string, occupant: Occupant, attribute?: string): DiagnosticError {
  return new DiagnosticError(
    summary,
    `tenant ${ctx.session.tenantId}: ${occupant.description} already exists: import it with ${importCommand(type, occupant.match, occupant.importId)} ` +
      `or set ${TAKE_OVER} = true on this resource, if this stack should own it; or remove it from this configuration.`,
    attribute ? [attribute] : undefined,
  );
}

/** `take_over` as planned: undefined while unknown (decided at apply then). */
export function takeOverOf(planned: TfObject): boolean | undefined {
  const value = planned[TAKE_OVER] ?? null;
  return isUnknown(value) ? undefined : value === true;
}

/** What a create claims, as the rule needs it: at plan from Terraform's object, at apply from a resource's model. */
export interface Claim {
  /** The object's id; undefined while not known. */
  readonly id: string | undefined;
  /** `take_over`; undefined while not known (decided at apply then). */
  readonly takeOver: boolean | undefined;
}

/** The claim of a planned object, whose values may be unknown. */
export function claimOf(planned: TfObject): Claim {
  return { id: typeof planned.id === 'string' ? planned.id : undefined, takeOver: takeOverOf(planned) };
}

/** The claim of a resource's model at apply, where every value is known. */
export function claimOfModel(model: { readonly id: string; readonly takeOver: boolean | null }): Claim {
  return { id: model.id, takeOver: model.takeOver === true };
}

export type Phase = 'plan' | 'apply';

/** The in-flight note of this configuration's own earlier, cut-off create of the object (in-flight.ts). */
function ownNote(ctx: ResourceContext, type: string, claim: Claim) {
  return claim.id === undefined ? undefined : earlierNote(ctx.session.tenantId, type, claim.id);
}

/** Whether a create may adopt an existing object: take_over, or a note says it is our own. */
export function mayAdopt(ctx: ResourceContext, type: string, claim: Claim): boolean {
  return claim.takeOver === true || ownNote(ctx, type, claim) !== undefined;
}

/**
 * Applies the rule to what a create found: nothing there passes; an occupant fails the create
 * unless `take_over` is true (then a warning says it will be, or was, adopted and overwritten).
 * Returns the occupant being taken over, if any.
 */
export function applyAdoptionRule(
  ctx: ResourceContext,
  type: string,
  summary: string,
  claim: Claim,
  occupant: Occupant | undefined,
  phase: Phase,
  attribute?: string,
): Occupant | undefined {
  if (!occupant) return undefined;
  const note = ownNote(ctx, type, claim);
  if (note) {
    ctx.warn(
      `${phase === 'plan' ? 'Will adopt' : 'Adopted'} ${occupant.description}`,
      `tenant ${ctx.session.tenantId}: ${occupant.description} was created by an interrupted apply of this configuration (started ${note.startedAt}) ` +
        'and never recorded in state; it is adopted and brought to this configuration, not created again.',
      attribute,
    );
    return occupant;
  }
  const takeOver = claim.takeOver;
  if (takeOver === undefined && phase === 'plan') return undefined;
  if (!takeOver) throw alreadyExists(ctx, type, summary, occupant, attribute);
  ctx.warn(
    // The object in the summary: Terraform folds warnings with equal summaries into one.
    `${phase === 'plan' ? 'Will take over' : 'Took over'} ${occupant.description}`,
    `tenant ${ctx.session.tenantId}: ${occupant.description} already exists and ${TAKE_OVER} = true: ` +
      `${phase === 'plan' ? 'the apply adopts it and overwrites it' : 'it is now managed here, overwritten'} with this configuration. ` +
      'Destroying this resource restores the default, not the value it had before.',
    attribute,
  );
  return occupant;
}

/** The warning of a destroy: which default the scope is back to. */
export function warnDefaultRestored(ctx: ResourceContext, what: string): void {
  ctx.warn(`Default restored: ${what}`, `tenant ${ctx.session.tenantId}: ${what}. A value held before this stack took the object over is not brought back.`);
}
