/**
 * cvi_video_interop_service_provider as its create, read, update, delete and import see it:
 * decoded from, and encoded to, Terraform's object of the schema once (resource.ts).
 */
import type { TfObject } from '../server/values';
import { Attributes } from './attributes';
import type { ResourceModel } from './resource';

export const SERVICE_PROVIDER = 'cvi_video_interop_service_provider';

export interface ServiceProviderState {
  /** The identity (the import id). */
  readonly id: string;
  readonly identity: string;
  readonly tenantKey: string;
  /** null: not set; '' is kept as configured (the service holds no link either way). */
  readonly instructionUri: string | null;
  /** null: not configured (an empty set means the same to the service). */
  readonly aadApplicationIds: readonly string[] | null;
  readonly allowAppGuestJoinsAsAuthenticated: boolean | null;
  readonly takeOver: boolean | null;
}

export function decodeServiceProvider(object: TfObject): ServiceProviderState {
  const a = new Attributes(SERVICE_PROVIDER, object);
  // The identity names the object; the id holds the same name.
  const identity = a.optionalString('identity') ?? a.string('id');
  return {
    id: a.optionalString('id') ?? identity,
    identity,
    tenantKey: a.string('tenant_key'),
    instructionUri: a.optionalString('instruction_uri'),
    aadApplicationIds: a.optionalStrings('aad_application_ids'),
    allowAppGuestJoinsAsAuthenticated: a.optionalBool('allow_app_guest_joins_as_authenticated'),
    takeOver: a.optionalBool('take_over'),
  };
}

export function encodeServiceProvider(model: ServiceProviderState): TfObject {
  return {
    id: model.id,
    identity: model.identity,
    tenant_key: model.tenantKey,
    instruction_uri: model.instructionUri,
    aad_application_ids: model.aadApplicationIds === null ? null : [...model.aadApplicationIds],
    allow_app_guest_joins_as_authenticated: model.allowAppGuestJoinsAsAuthenticated,
    take_over: model.takeOver,
  };
}

export const serviceProviderModel: ResourceModel<ServiceProviderState> = { decode: decodeServiceProvider, encode: encodeServiceProvider };
