/**
 * What every data source type implements: a schema and a read of the live tenant. Data sources
 * list what exists so a configuration can refer to it (an identity to import, a policy to grant)
 * without managing it.
 */
import type { Diagnostic } from '../diagnostics';
import type { ResourceContext } from '../resources/resource';
import type { BlockSchema } from '../schema';
import type { TfObject } from '../server/values';

export interface DataSourceType {
  readonly name: string;
  readonly schema: BlockSchema;
  /** Config-only checks; values may be unknown (skip those). */
  validate(config: TfObject): Diagnostic[];
  /** The configuration with every computed attribute filled from the tenant. */
  read(ctx: ResourceContext, config: TfObject): Promise<TfObject>;
}

/** Compares names as the service does: without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A data source whose read works on typed values: its configuration `C` decoded once on the way
 * in, its result `M` encoded once on the way out. Validation stays on Terraform's object (values
 * there may be unknown); a read is only called once the configuration is known.
 */
export interface TypedDataSource<C, M> extends Pick<DataSourceType, 'name' | 'schema' | 'validate'> {
  decodeConfig(config: TfObject): C;
  encode(model: M): TfObject;
  read(ctx: ResourceContext, config: C): Promise<M>;
}

export function typedDataSource<C, M>(source: TypedDataSource<C, M>): DataSourceType {
  return {
    name: source.name,
    schema: source.schema,
    validate: (config) => source.validate(config),
    read: async (ctx, config) => source.encode(await source.read(ctx, source.decodeConfig(config))),
  };
}
