/**
 * data "cvi_video_interop_service_providers" as its read sees it: the configuration decoded once,
 * the list encoded once (data-source.ts).
 */
import type { ServiceProvider } from '../../teams';
import type { TfObject } from '../server/values';
import { Attributes } from '../resources/attributes';

export const SERVICE_PROVIDERS = 'cvi_video_interop_service_providers';

export interface ServiceProvidersConfig {
  /** Only the provider of this identity; null: every one. */
  readonly identity: string | null;
}

export interface ServiceProvidersRead extends ServiceProvidersConfig {
  /** The tenant id the list was read from. */
  readonly id: string;
  readonly serviceProviders: readonly ServiceProvider[];
}

export function decodeServiceProvidersConfig(config: TfObject): ServiceProvidersConfig {
  return { identity: new Attributes(SERVICE_PROVIDERS, config).optionalString('identity') };
}

function encodeProvider(p: ServiceProvider): TfObject {
  return {
    identity: p.identity,
    tenant_key: p.tenantKey,
    instruction_uri: p.instructionUri ?? null,
    aad_application_ids: [...p.aadApplicationIds],
    allow_app_guest_joins_as_authenticated: p.allowAppGuestJoinsAsAuthenticated,
  };
}

export function encodeServiceProviders(model: ServiceProvidersRead): TfObject {
  return { id: model.id, identity: model.identity, service_providers: model.serviceProviders.map(encodeProvider) };
}
