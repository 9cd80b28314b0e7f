/**
 * The raw-wire caller: the wire as `../shared/design/teams-wire-evidence.md` records Microsoft's
 * module sending it (§ per path), written here by hand.
 *
 * Rule of this file: it imports neither the client's routes (teams/) nor the emulator's table
 * (emulator/router.ts), and of emulator/ only the RunningEmulator type, so a test holds the
 * emulator to the evidence and not to either side's reading of it. Add a path here from the
 * evidence, never by copying it from teams/routes.ts or emulator/router.ts.
 */
import type { RunningEmulator } from '../../../emulator';

/** The policy type of every CVI grant (§3, §4, §7). */
export const CVI_POLICY_TYPE = 'TeamsVideoInteropServicePolicy';

/** The client-credentials scope of the Teams admin API: app 48ac35b8-… of every production cloud (§0 "Token"). */
export const TEAMS_ADMIN_SCOPE = '48ac35b8-9aa8-4d74-927d-1f4a14a0b239/.default';

/** The header the module sends with the discovered forest (§0, §1). */
export const TARGET_URI = 'X-MS-Target-Uri';

/** .NET Uri.EscapeDataString, which the module applies to identity and group segments (§0 "Path escaping"). */
export function escapeDataString(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const esc = escapeDataString;
const CONFIGURATIONS = '/Skype.Policy/configurations';

export const paths = {
  /** §1 Connect-MicrosoftTeams. */
  discovery: () => '/Teams.Tenant/serviceDiscovery',
  /** §2 list and create. */
  providers: () => `${CONFIGURATIONS}/VideoInteropServiceProvider`,
  /** §2 get one, PATCH, DELETE. */
  provider: (identity: string) => `${CONFIGURATIONS}/VideoInteropServiceProvider/configuration/${esc(identity)}`,
  /** §3. */
  policies: () => `${CONFIGURATIONS}/${CVI_POLICY_TYPE}`,
  policy: (identity: string) => `${CONFIGURATIONS}/${CVI_POLICY_TYPE}/configuration/${esc(identity)}`,
  /** §4 MPA Grant -Identity: the policy-type segment is not escaped. */
  userGrant: (user: string, type = CVI_POLICY_TYPE) => `/Skype.Policy/users/${esc(user)}/policies/${type}`,
  /** §5 Get-CsUserPolicyAssignment. */
  userEffectivePolicy: (user: string, type = CVI_POLICY_TYPE) => `/Skype.User/users/${esc(user)}/policies?policyType=${type}`,
  /** §5 the user search behind Get-CsOnlineUser -Filter (a candidate: the query spelling is Low). */
  userSearch: (query: Record<string, string>) => `/Teams.User/users?${new URLSearchParams(query).toString()}`,
  /** §6 MPA Grant -Global. */
  tenantGrant: (type = CVI_POLICY_TYPE) => `/Skype.Policy/tenants/policies/${type}`,
  /** §7 one group's assignment of one type. */
  groupGrant: (groupId: string, type = CVI_POLICY_TYPE) => `/Skype.Policy/groupPolicyAssignments/${esc(groupId)}/policyTypes/${type}`,
  groupPolicyTypes: (groupId: string) => `/Skype.Policy/groupPolicyAssignments/${esc(groupId)}/policyTypes`,
  groupAssignments: (type = CVI_POLICY_TYPE) => `/Skype.Policy/groupPolicyAssignments?policyType=${type}`,
  /** §8 create (`?operationName=`) and list (`?status=`). */
  batchOperations: (query: Record<string, string> = {}) => {
    const q = new URLSearchParams(query).toString();
    return `/Skype.Policy/assignments/operations${q ? `?${q}` : ''}`;
  },
  batchOperation: (operationId: string) => `/Skype.Policy/assignments/operations/${operationId}`,
  /** §9. */
  federationList: () => `${CONFIGURATIONS}/TenantFederationSettings`,
  federation: (identity = 'Global') => `${CONFIGURATIONS}/TenantFederationSettings/configuration/${esc(identity)}`,
};

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A minimal caller of the emulated API: a token from issueToken, discovery done once as the module does it. */
export interface TestCaller {
  /** Sends a JSON request; a header given as null is left out (e.g. `{ [TARGET_URI]: null }`). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string | null>): Promise<Answer>;
  /** `Endpoints.AdminServiceEndpoint` of the discovery answer: a host name. */
  adminServiceEndpoint: string;
  /** What this caller sends as X-MS-Target-Uri: `https://<AdminServiceEndpoint>`, no trailing slash (5.2.0 MPA, §1). */
  targetUri: string;
  token: string;
}

/** Discovery as the host contract does it (§1): GET with Accept and Authorization only, 200 or nothing. */
export async function discover(emulator: RunningEmulator, token: string): Promise<string> {
  const res = await fetch(emulator.url + paths.discovery(), { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`discovery answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { Endpoints?: { AdminServiceEndpoint?: unknown } };
  const host = body.Endpoints?.AdminServiceEndpoint;
  if (typeof host !== 'string') throw new Error(`discovery answer has no Endpoints.AdminServiceEndpoint: ${JSON.stringify(body)}`);
  return host;
}

export async function send(url: string, method: string, body: unknown, headers: Record<string, string | null>): Promise<Answer> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== null) sent[name] = value;
  if (body !== undefined) sent['content-type'] = 'application/json; charset=utf-8';
  const res = await fetch(url, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function connect(emulator: RunningEmulator, tenantId: string): Promise<TestCaller> {
  const token = emulator.issueToken(tenantId);
  const adminServiceEndpoint = await discover(emulator, token);
  const targetUri = `https://${adminServiceEndpoint}`;
  return {
    token,
    adminServiceEndpoint,
    targetUri,
    call: (method, path, body, headers = {}) =>
      send(emulator.url + path, method, body, { authorization: `Bearer ${token}`, [TARGET_URI]: targetUri, ...headers }),
  };
}
