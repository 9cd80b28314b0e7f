import type { TenantFile } from './schema/tenant-file';

/** A validated tenant file: the input of `TenantStack` and of the Teams constructs. */
export type TenantConfig = TenantFile;

/** A tenant file that passed validation, with the path it came from (for messages). */
export interface LoadedTenant {
  /** Path as shown to the user, e.g. `tenants/contoso.yaml`. */
  readonly file: string;
  readonly config: TenantConfig;
}

export { tenantFileSchema, srvDomain } from './schema/tenant-file';
