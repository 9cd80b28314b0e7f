/**
 * Bodies the client sends, key for key as Microsoft's module sends them (the § of
 * teams-wire-evidence.md each one follows). Answers are not typed here: they are read
 * case-insensitively by `wire-read.ts`, as the module's own Newtonsoft readers do, because
 * the service's answer casing is proven for some objects only.
 */

/** POST providers: only the fields set, PascalCase (§2 "Create (MPA)", High). */
export interface ProviderCreateBody {
  Identity: string;
  TenantKey: string;
  InstructionUri?: string;
  /** One semicolon-separated string of app ids (§2 fields; DOCS). */
  AadApplicationIds?: string;
  AllowAppGuestJoinsAsAuthenticated?: boolean;
}

/**
 * PATCH provider: the changed fields only (§2 "Update (MPA)", High). A cleared optional field
 * is sent as null, as a bound `-InstructionUri $null` would be (inference, Medium).
 */
export type ProviderPatchBody = Partial<Record<'TenantKey' | 'InstructionUri' | 'AadApplicationIds', string | null>> & {
  AllowAppGuestJoinsAsAuthenticated?: boolean;
};

/** DELETE provider carries the bound parameters as a body (§2 "Delete", High). */
export interface ProviderDeleteBody {
  Identity: string;
}

/** PATCH userGrant: camelCase, `additionalParameters` always present (§4, High). */
export interface UserGrantBody {
  policyName: string | null;
  additionalParameters: null;
}

/** PATCH tenantGrant: `PolicyName` PascalCase, the rest camelCase (§6 "Body (MPA)", High). */
export interface TenantGrantBody {
  PolicyName: string | null;
  additionalParameters: null;
  forceSwitchPresent: boolean;
}

/** POST (or PATCH) groupGrant: camelCase; the cmdlet's Rank is the wire's priority (§7, High). */
export interface GroupGrantBody {
  policyName: string;
  priority: number;
}

/** POST batchOperations body (§8, High). */
export interface BatchBody {
  policy: { policyType: string; policyName: string | null };
  identities: string[];
  additionalParameters: Record<string, never>;
}

/** One entry of TenantFederationSettings' allow-list (§9 object model). */
export interface DomainPattern {
  Domain: string;
}

/**
 * PATCH federation: the whole allow-list replaces the stored one (§9 "Add/remove semantics",
 * High). Never sent with an empty array: the service stores that as "federate with nobody".
 */
export interface FederationPatchBody {
  Identity: 'Global';
  AllowedDomains: { AllowedDomain: DomainPattern[] };
}
