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
