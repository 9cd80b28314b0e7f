/**
 * What every resource type implements, and what it gets to do its work. Each resource file
 * follows the same order: schema, create, read, update, delete, import.
 */
import type { Diagnostic } from '../diagnostics';
import type { PlanInput, PlanOutcome } from '../plan';
import type { BlockSchema } from '../schema';
import type { TfObject } from '../server/values';
import type { Session } from '../session';

export interface ResourceContext {
  /** The configured provider: tenant, Teams client, cached lists. */
  readonly session: Session;
  /** Adds a warning to the answer of the current call (e.g. "nothing was written"). */
  warn(summary: string, detail: string, attribute?: string): void;
}

export interface ResourceType {
  readonly name: string;
  readonly schema: BlockSchema;
  /** Config-only checks; values may be unknown (skip those). */
  validate(config: TfObject): Diagnostic[];
  /**
   * The planned object. `ctx` is absent when the provider is not configured yet (its own
   * configuration is unknown): plan without looking at the tenant then.
   */
  plan(input: PlanInput, ctx: ResourceContext | undefined): Promise<PlanOutcome>;
  create(ctx: ResourceContext, planned: TfObject): Promise<TfObject>;
  /** The live object, or null when it no longer exists (Terraform then plans a re-create). */
  read(ctx: ResourceContext, state: TfObject): Promise<TfObject | null>;
  update(ctx: ResourceContext, prior: TfObject, planned: TfObject): Promise<TfObject>;
  delete(ctx: ResourceContext, state: TfObject): Promise<void>;
  /** The object behind an import id; throws a DiagnosticError naming the id format if malformed. */
  import(ctx: ResourceContext, id: string): Promise<TfObject>;
  /**
   * Stored state (parsed JSON) of an older schema version in today's shape; absent while the
   * shape never changed. Called for every version below `schema.version`'s.
   */
  upgrade?(state: Record<string, unknown>, fromVersion: number): Record<string, unknown>;
}
