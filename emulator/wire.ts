/**
 * The JSON the emulated service stores and answers, shaped after Microsoft's module code as
 * `../shared/design/teams-wire-evidence.md` records it (§ per shape). The emulator keeps its own
 * copy of these shapes on purpose: it stands in for Microsoft, so it must never follow the
 * client's idea of the wire.
 */

/** §2 fields of a VideoInteropServiceProvider (PascalCase, as the module writes them). */
export interface WireProvider {
  Identity: string;
  TenantKey: string;
  InstructionUri?: string | null;
  /** One semicolon-separated string of app ids. */
  AadApplicationIds?: string | null;
  AllowAppGuestJoinsAsAuthenticated?: boolean;
}

/** §3 fields of a TeamsVideoInteropServicePolicy instance; Identity is "Global" or "Tag:<name>". */
export interface WirePolicy {
  Identity: string;
  Description?: string;
  ProviderName: string;
  Enabled: boolean;
}

/** §7 answer keys of a group assignment (camelCase). */
export interface WireGroupAssignment {
  groupId: string;
  priority: number;
  policyType: string;
  policyName: string;
  createdBy: string;
  createdTime: string;
}

/**
 * §9 TenantFederationSettings. `AllowedDomains.AllowedDomain` absent or null means "allow all
 * known domains"; an empty array means "federate with nobody".
 */
export interface WireFederation {
  Identity: 'Global';
  AllowFederatedUsers: boolean;
  AllowedDomains: { AllowedDomain?: { Domain: string }[] | null };
  BlockedDomains: { Domain: string }[];
}

/** §8 batch status (camelCase keys). */
export interface WireBatchStatus {
  operationId: string;
  operationName: string;
  overallStatus: 'NotStarted' | 'InProgress' | 'Completed';
  notStartedCount: number;
  inProgressCount: number;
  completedCount: number;
  errorCount: number;
  createdBy: string;
  createdTime: string;
  completedTime: string | null;
  userState?: { id: string; state: 'NotStarted' | 'InProgress' | 'Completed'; result: string }[];
}

/** §5 effective policy entry of GET /Skype.User/users/{id}/policies. */
export interface WireEffectivePolicy {
  policyType: string;
  policyName: string;
  policySource: { policyName: string; policyType: string; assignmentType: string; reference: string | null }[];
}
