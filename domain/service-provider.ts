/**
 * Rules of the Teams video interop service provider object (New-CsVideoInteropServiceProvider),
 * one definition for the tenant file schema, the constructs and the provider.
 */
import { isAddress } from './identifiers';

/**
 * The CVI platforms Teams knows as a provider's Name (teams-cvi-reference.md §2). The tenant file
 * and the constructs take only these; the provider takes any well-formed identity and warns at
 * plan time when no policy names it, because the evidence for the list is documentation only
 * (teams-wire-evidence.md §2 "Identity values": Low).
 */
export const SERVICE_PROVIDER_IDENTITIES = ['Pexip', 'Polycom', 'Cisco', 'BlueJeans'] as const;
export type ServiceProviderIdentityName = (typeof SERVICE_PROVIDER_IDENTITIES)[number];

/**
 * Why an identity is refused at the tenant level (tenant file, constructs), as the end of
 * "<field> ...". The identity names the CVI platform, not the company that sells the service:
 * Teams knows only the platforms, and their policies (PexipServiceProviderEnabled, ...) name them
 * too. A hosted service sold under its own name is the usual way to get this wrong, so the
 * message says what to use instead.
 */
export function platformIdentityProblem(value: unknown): string {
  const list = SERVICE_PROVIDER_IDENTITIES.join(', ');
  const spelled = typeof value === 'string' ? SERVICE_PROVIDER_IDENTITIES.find((i) => i.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (spelled) return `must be one of ${list}; did you mean ${spelled}?`;
  return `must name a CVI platform Teams knows (${list}); a hosted CVI service uses the identity of the platform it runs on, e.g. Modality OneMeeting runs on Pexip, so Pexip`;
}

/** The placeholder Teams replaces with the meeting's VTC conference id. */
export const CONF_ID_PLACEHOLDER = '{ConfId}';

/**
 * Why an instruction URI is refused, or undefined. Invites show the link to every participant,
 * so only https, and it must carry the conference id, or every invite would show the same link.
 */
export function instructionUriProblem(uri: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(uri.replace(CONF_ID_PLACEHOLDER, '0'));
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.hostname === '' || uri !== uri.trim()) {
    return `must be an https: URL such as https://pexip.me/teams/contoso.com/${CONF_ID_PLACEHOLDER}`;
  }
  if (!uri.includes(CONF_ID_PLACEHOLDER)) return `must contain the ${CONF_ID_PLACEHOLDER} placeholder Teams fills with the conference id`;
  return undefined;
}

/** Why a tenant key (the vendor's IVR address shown in invites) is refused, or undefined. */
export function tenantKeyProblem(tenantKey: string): string | undefined {
  return isAddress(tenantKey) ? undefined : "must be the vendor's IVR address, such as teams@contoso.com";
}
