/**
 * cvi_federation_allowed_domain as its create, read, update, delete and import see it: decoded
 * from, and encoded to, Terraform's object of the schema once (resource.ts).
 */
import { isUnknown, UNKNOWN, type TfObject, type Unknown } from '../server/values';
import { Attributes } from './attributes';
import type { ResourceModel } from './resource';

export const FEDERATION_ALLOWED_DOMAIN = 'cvi_federation_allowed_domain';

export interface FederationAllowedDomainState {
  /** The domain (the import id). */
  readonly id: string;
  readonly domain: string;
  readonly allowOpeningFederation: boolean | null;
  /** Computed: unknown in a planned create until the service answers; null in state never read. */
  readonly allowAllKnownDomains: boolean | null | Unknown;
  readonly takeOver: boolean | null;
}

export function decodeFederationAllowedDomain(object: TfObject): FederationAllowedDomainState {
  const a = new Attributes(FEDERATION_ALLOWED_DOMAIN, object);
  // The domain names the object; the id holds the same name.
  const domain = a.optionalString('domain') ?? a.string('id');
  return {
    id: a.optionalString('id') ?? domain,
    domain,
    allowOpeningFederation: a.optionalBool('allow_opening_federation'),
    allowAllKnownDomains: isUnknown(object.allow_all_known_domains) ? UNKNOWN : a.optionalBool('allow_all_known_domains'),
    takeOver: a.optionalBool('take_over'),
  };
}

export function encodeFederationAllowedDomain(model: FederationAllowedDomainState): TfObject {
  return {
    id: model.id,
    domain: model.domain,
    allow_opening_federation: model.allowOpeningFederation,
    allow_all_known_domains: model.allowAllKnownDomains,
    take_over: model.takeOver,
  };
}

export const federationAllowedDomainModel: ResourceModel<FederationAllowedDomainState> = {
  decode: decodeFederationAllowedDomain,
  encode: encodeFederationAllowedDomain,
};
