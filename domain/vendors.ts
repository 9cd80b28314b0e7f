/**
 * The CVI vendor catalog: what each vendor's Teams setup looks like when the tenant file says
 * nothing more than `vendor: <name>`. Facts come from ../shared/design/teams-cvi-reference.md §5-§7; every
 * value here is a default that a tenant file can override.
 */

/** The vendors a tenant file may name. `custom` is for anything not in the catalog. */
export const VENDOR_NAMES = ['pexip', 'poly', 'cisco', 'bluejeans', 'custom'] as const;
export type VendorName = (typeof VENDOR_NAMES)[number];

/** One SRV service of a DNS preset; ports, priorities and weights stay overridable. */
export interface PresetService {
  /** Service label without the underscore, e.g. `sip`. */
  readonly service: string;
  /** Transport label without the underscore: `tcp` or `udp`. */
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
}

/** A named set of SRV services published once per conferencing node. */
export interface DnsPreset {
  readonly services: readonly PresetService[];
  /** @default 10 */
  readonly priority: number;
  /** @default 10 */
  readonly weight: number;
}

export const DNS_PRESET_NAMES = ['pexip-infinity'] as const;
export type DnsPresetName = (typeof DNS_PRESET_NAMES)[number];

/**
 * Pexip Infinity, one record per conferencing node and service. `_sips._tcp` is what SIP callers
 * try first; 5061 is the SIP-over-TLS convention, not a port Pexip documents for this record.
 */
export const DNS_PRESETS: Readonly<Record<DnsPresetName, DnsPreset>> = {
  'pexip-infinity': {
    priority: 10,
    weight: 10,
    services: [
      { service: 'sips', protocol: 'tcp', port: 5061 },
      { service: 'sip', protocol: 'tcp', port: 5060 },
      { service: 'h323cs', protocol: 'tcp', port: 1720 },
      { service: 'h323ls', protocol: 'udp', port: 1719 },
      { service: 'h323rs', protocol: 'udp', port: 1719 },
    ],
  },
};

/** The Graph permissions Microsoft's CVI page names as the minimum a vendor bot needs. */
export const CVI_MINIMUM_APPLICATION_PERMISSIONS: readonly string[] = [
  'Calls.JoinGroupCall.All',
  'Calls.JoinGroupCallAsGuest.All',
  'Calls.AccessMedia.All',
  'OnlineMeetings.Read.All',
];

export interface VendorDefaults {
  /** Human name used in messages. */
  readonly displayName: string;
  /** `Name`/`Identity` of the video interop service provider; `undefined` = must be given. */
  readonly serviceProviderIdentity?: string;
  /** The TeamsVideoInteropServicePolicy to grant; `undefined` = must be given. */
  readonly policyName?: string;
  /** Known multi-tenant app ids of the vendor's bots; empty = unknown, must be given. */
  readonly appIds: readonly string[];
  readonly applicationPermissions: readonly string[];
  readonly delegatedPermissions: readonly string[];
  /** Shape of the tenant key, for docs and error hints. */
  readonly tenantKeyShape: string;
  /** Tenant key derived from the tenant's domain, when the vendor uses one. */
  readonly tenantKeyFor?: (domain: string) => string;
  /** Instruction URI derived from the tenant's domain, when the vendor has a fixed pattern. */
  readonly instructionUriFor?: (domain: string) => string;
  /** Whether the customer publishes the SRV records (false: the vendor owns DNS). */
  readonly customerPublishesDns: boolean;
}

export const VENDORS: Readonly<Record<VendorName, VendorDefaults>> = {
  pexip: {
    displayName: 'Pexip',
    serviceProviderIdentity: 'Pexip',
    policyName: 'PexipServiceProviderEnabled',
    appIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
    applicationPermissions: CVI_MINIMUM_APPLICATION_PERMISSIONS,
    delegatedPermissions: ['User.Read'],
    tenantKeyShape: 'teams@<domain>',
    tenantKeyFor: (domain) => `teams@${domain}`,
    instructionUriFor: (domain) => `https://pexip.me/teams/${domain}/{ConfId}`,
    customerPublishesDns: true,
  },
  poly: {
    displayName: 'Poly RealConnect',
    serviceProviderIdentity: 'Polycom',
    policyName: 'PolycomServiceProviderEnabled',
    // "RealConnect for Microsoft Teams", then "RealConnect for Office 365".
    appIds: ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'],
    applicationPermissions: CVI_MINIMUM_APPLICATION_PERMISSIONS,
    delegatedPermissions: ['User.Read'],
    tenantKeyShape: '<digits>@t.plcm.vc',
    customerPublishesDns: false,
  },
  cisco: {
    displayName: 'Cisco Webex Video Integration',
    serviceProviderIdentity: 'Cisco',
    policyName: 'CiscoServiceProviderEnabled',
    appIds: [],
    applicationPermissions: CVI_MINIMUM_APPLICATION_PERMISSIONS,
    delegatedPermissions: ['User.Read'],
    tenantKeyShape: '<sub>@m.webex.com',
    customerPublishesDns: false,
  },
  bluejeans: {
    displayName: 'BlueJeans',
    serviceProviderIdentity: 'BlueJeans',
    policyName: 'BlueJeansServiceProviderEnabled',
    appIds: [],
    applicationPermissions: CVI_MINIMUM_APPLICATION_PERMISSIONS,
    delegatedPermissions: ['User.Read'],
    tenantKeyShape: 'given by the vendor',
    customerPublishesDns: false,
  },
  custom: {
    displayName: 'a custom vendor',
    appIds: [],
    applicationPermissions: CVI_MINIMUM_APPLICATION_PERMISSIONS,
    delegatedPermissions: ['User.Read'],
    tenantKeyShape: 'given by the vendor',
    customerPublishesDns: true,
  },
};

/** The catalog entry for a vendor. */
export function vendorDefaults(vendor: VendorName): VendorDefaults {
  return VENDORS[vendor];
}
