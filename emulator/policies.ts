import type { WirePolicy } from './wire';
import { badRequest } from './errors';

/** The one policy type the emulator models (evidence §3). */
export const VIDEO_INTEROP_POLICY_TYPE = 'TeamsVideoInteropServicePolicy';

/**
 * The pre-built TeamsVideoInteropServicePolicy instances a tenant starts with
 * (teams-cvi-reference.md §3). Microsoft creates them; tenants cannot add or delete any.
 */
export const BUILT_IN_POLICIES: readonly WirePolicy[] = [
  { Identity: 'Global', Description: 'Default policy: no video interop provider', ProviderName: 'DefaultProvider', Enabled: false },
  { Identity: 'Tag:ServiceProviderDisabled', Description: 'Video interop disabled', ProviderName: 'DefaultProvider', Enabled: false },
  { Identity: 'Tag:PexipServiceProviderEnabled', Description: 'Pexip video interop enabled', ProviderName: 'Pexip', Enabled: true },
  { Identity: 'Tag:PolycomServiceProviderEnabled', Description: 'Poly video interop enabled', ProviderName: 'Polycom', Enabled: true },
  { Identity: 'Tag:BlueJeansServiceProviderEnabled', Description: 'BlueJeans video interop enabled', ProviderName: 'BlueJeans', Enabled: true },
  { Identity: 'Tag:CiscoServiceProviderEnabled', Description: 'Cisco video interop enabled', ProviderName: 'Cisco', Enabled: true },
];

/** The name without its `Tag:` prefix, as the grant cmdlets accept and the service reports it. */
export function bareName(identity: string): string {
  return identity.replace(/^tag:/i, '');
}

/**
 * Resolves a policy name from a grant to the stored form: the bare name, or null for "no
 * assignment". Granting `Global` means "fall back to the default", so it is stored as null.
 * An unknown name is the service's 400, naming the policy and the ones that exist.
 */
export function resolvePolicyName(name: unknown, field = 'PolicyName'): string | null {
  if (name === null || name === undefined) return null;
  if (typeof name !== 'string' || name.trim() === '') {
    throw badRequest(`${field} must be a policy name or null, got ${JSON.stringify(name)}`);
  }
  const wanted = bareName(name.trim()).toLowerCase();
  const match = BUILT_IN_POLICIES.find((p) => bareName(p.Identity).toLowerCase() === wanted);
  if (!match) {
    const known = BUILT_IN_POLICIES.map((p) => bareName(p.Identity)).join(', ');
    throw badRequest(`policy "${name}" of type TeamsVideoInteropServicePolicy does not exist in this tenant; existing policies: ${known}`);
  }
  return match.Identity === 'Global' ? null : bareName(match.Identity);
}
