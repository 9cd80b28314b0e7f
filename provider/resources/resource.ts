/**
 * What every resource type implements, and what it gets to do its work. Each resource file
 * follows the same order: schema, create, read, update, delete, import.
 *
 * A resource writes its create, read, update, delete and import on a typed model (its
 * `*-model.ts`: decode and encode written once); `typedResource` turns that into the
 * `ResourceType` the service calls, decoding each object once on the way in and encoding once on
 * the way out. Validation and planning stay on Terraform's objects: there the configuration may
 * hold values not known until apply in any attribute, which a model of known values cannot hold.
 */
import { PartialApplyError, type Diagnostic } from '../diagnostics';
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

/** How a resource's typed model is read from, and written to, Terraform's object of its schema. */
export interface ResourceModel<M> {
  decode(object: TfObject): M;
  encode(model: M): TfObject;
}

/** A resource whose create, read, update, delete and import work on its model `M`. */
export interface TypedResource<M> extends Pick<ResourceType, 'name' | 'schema' | 'validate' | 'plan' | 'upgrade'> {
  readonly model: ResourceModel<M>;
  create(ctx: ResourceContext, planned: M): Promise<M>;
  /** The live object, or null when it no longer exists; `state` itself when the read could not see the tenant. */
  read(ctx: ResourceContext, state: M): Promise<M | null>;
  update(ctx: ResourceContext, prior: M, planned: M): Promise<M>;
  delete(ctx: ResourceContext, state: M): Promise<void>;
  import(ctx: ResourceContext, id: string): Promise<M>;
}

/** The `ResourceType` of a typed resource: models in, models out, Terraform's objects at the edge. */
export function typedResource<M>(resource: TypedResource<M>): ResourceType {
  const { decode, encode } = resource.model;
  /** A partial result leaves the resource as Terraform's object, like every other answer. */
  const encodingPartial = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof PartialApplyError)) throw error;
      // The resource's own code throws it with its model (see PartialApplyError).
      const state = error.state as M | null;
      throw new PartialApplyError(state === null ? null : encode(state), error.reason);
    }
  };
  return {
    name: resource.name,
    schema: resource.schema,
    validate: (config) => resource.validate(config),
    plan: (input, ctx) => resource.plan(input, ctx),
    ...(resource.upgrade ? { upgrade: resource.upgrade } : {}),
    create: (ctx, planned) => encodingPartial(async () => encode(await resource.create(ctx, decode(planned)))),
    async read(ctx, state) {
      const model = decode(state);
      const live = await resource.read(ctx, model);
      // The very object back: the read saw nothing either way (recorded-create.ts tells this apart).
      if (live === model) return state;
      return live === null ? null : encode(live);
    },
    update: (ctx, prior, planned) => encodingPartial(async () => encode(await resource.update(ctx, decode(prior), decode(planned)))),
    delete: (ctx, state) => encodingPartial(() => resource.delete(ctx, decode(state))),
    import: async (ctx, id) => encode(await resource.import(ctx, id)),
  };
}
