/**
 * data "cvi_video_interop_policies" as its read sees it: the configuration decoded once, the
 * list encoded once (data-source.ts).
 */
import type { VideoInteropPolicy } from '../../teams';
import type { TfObject } from '../server/values';
import { Attributes } from '../resources/attributes';

export const POLICIES = 'cvi_video_interop_policies';

export interface PoliciesConfig {
  /** Only the policies of this service provider name; null: every policy. */
  readonly providerName: string | null;
}

export interface PoliciesRead extends PoliciesConfig {
  /** The tenant id the list was read from. */
  readonly id: string;
  readonly policies: readonly VideoInteropPolicy[];
}

export function decodePoliciesConfig(config: TfObject): PoliciesConfig {
  return { providerName: new Attributes(POLICIES, config).optionalString('provider_name') };
}

function encodePolicy(p: VideoInteropPolicy): TfObject {
  return { name: p.name, description: p.description ?? null, provider_name: p.providerName, enabled: p.enabled };
}

export function encodePolicies(model: PoliciesRead): TfObject {
  return { id: model.id, provider_name: model.providerName, policies: model.policies.map(encodePolicy) };
}
