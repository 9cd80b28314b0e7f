/**
 * Reading the service's answers the way Microsoft's module reads them: JSON keys without
 * regard to case (Newtonsoft's default), lists as a bare array or `{value: [...]}`. One
 * function per answer shape, each naming its evidence section of teams-wire-evidence.md.
 */
import type { FederationSettings, GroupAssignment, VideoInteropPolicy, ServiceProvider } from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of `key` in `obj`, matching the key without regard to case. */
export function field(obj: unknown, key: string): unknown {
  if (!isObject(obj)) return undefined;
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

export function text(obj: unknown, key: string): string | undefined {
  const v = field(obj, key);
  return typeof v === 'string' ? v : undefined;
}

function flag(obj: unknown, key: string): boolean | undefined {
  const v = field(obj, key);
  return typeof v === 'boolean' ? v : undefined;
}

function count(obj: unknown, key: string): number | undefined {
  const v = field(obj, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A list answer: a bare array or wrapped in `{value: [...]}`. */
export function listOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const value = field(body, 'value');
  return Array.isArray(value) ? value : [];
}

/** Null, or the name without its `Tag:` prefix; `Global` stays `Global`. */
export function bareName(name: string): string {
  return name.trim().replace(/^tag:/i, '');
}

export function policyNameOf(name: unknown): string | null {
  return typeof name === 'string' && name.trim() !== '' ? bareName(name) : null;
}

/** §1: `Endpoints.AdminServiceEndpoint`, a host; undefined when the answer lacks it. */
export function readAdminServiceEndpoint(body: unknown): string | undefined {
  const host = text(field(body, 'Endpoints'), 'AdminServiceEndpoint');
  return host && host.trim() !== '' ? host.trim() : undefined;
}

/** §2 fields; AadApplicationIds is one semicolon-separated string. */
export function readServiceProvider(w: unknown): ServiceProvider | undefined {
  const identity = text(w, 'Identity');
  if (identity === undefined) return undefined;
  const ids = field(w, 'AadApplicationIds');
  const list = Array.isArray(ids) ? ids.map(String) : typeof ids === 'string' ? ids.split(';') : [];
  const instructionUri = text(w, 'InstructionUri');
  return {
    identity,
    tenantKey: text(w, 'TenantKey') ?? '',
    ...(instructionUri ? { instructionUri } : {}),
    aadApplicationIds: list.map((s) => s.trim()).filter((s) => s !== ''),
    allowAppGuestJoinsAsAuthenticated: flag(w, 'AllowAppGuestJoinsAsAuthenticated') ?? false,
  };
}

/** §3 fields. */
export function readPolicy(w: unknown): VideoInteropPolicy | undefined {
  const identity = text(w, 'Identity');
  if (identity === undefined) return undefined;
  const description = text(w, 'Description');
  return {
    name: bareName(identity),
    ...(description !== undefined ? { description } : {}),
    providerName: text(w, 'ProviderName') ?? '',
    enabled: flag(w, 'Enabled') ?? false,
  };
}

/** §7 answer keys: groupId, priority, policyType, policyName. */
export function readGroupAssignment(w: unknown): (GroupAssignment & { policyType: string }) | undefined {
  const groupId = text(w, 'groupId');
  const policyName = policyNameOf(field(w, 'policyName'));
  if (groupId === undefined || policyName === null) return undefined;
  return { groupId, policyName, rank: count(w, 'priority') ?? 0, policyType: text(w, 'policyType') ?? '' };
}

/**
 * §5 effective policy: `[{"policyType","policyName","policySource":[...]}]`. The policy the
 * user gets for `policyType`, or null when the answer names none.
 */
export function readEffectivePolicy(body: unknown, policyType: string): string | null {
  const entries = listOf(body);
  const mine = entries.find((e) => (text(e, 'policyType') ?? policyType).toLowerCase() === policyType.toLowerCase());
  return policyNameOf(field(mine, 'policyName'));
}

/** §8 `OperationId` of a 202 (PascalCase in 2.3.1; read without regard to case). */
export function readOperationId(body: unknown): string | undefined {
  return text(body, 'OperationId');
}

export interface BatchStatus {
  readonly overallStatus: string;
  readonly completedCount: number;
  readonly errorCount: number;
  readonly userState: readonly { id: string; state: string; result: string }[];
}

/** §8 status keys, camelCase: overallStatus, completedCount, errorCount, userState[{id,state,result}]. */
export function readBatchStatus(body: unknown): BatchStatus | undefined {
  const overallStatus = text(body, 'overallStatus');
  if (overallStatus === undefined) return undefined;
  const states = field(body, 'userState');
  return {
    overallStatus,
    completedCount: count(body, 'completedCount') ?? 0,
    errorCount: count(body, 'errorCount') ?? 0,
    userState: (Array.isArray(states) ? states : []).map((s) => ({
      id: text(s, 'id') ?? '',
      state: text(s, 'state') ?? '',
      result: text(s, 'result') ?? '',
    })),
  };
}

/**
 * §9: `AllowedDomains.AllowedDomain` null or absent ⇒ allow all known domains; empty ⇒
 * nothing allowed; otherwise the list of `{Domain}`.
 */
export function readFederation(w: unknown): FederationSettings | undefined {
  if (!isObject(w)) return undefined;
  const list = field(field(w, 'AllowedDomains'), 'AllowedDomain');
  const domains = (v: unknown) => (Array.isArray(v) ? v : []).map((d) => (typeof d === 'string' ? d : text(d, 'Domain') ?? '')).filter((d) => d !== '');
  return {
    allowFederatedUsers: flag(w, 'AllowFederatedUsers') ?? true,
    allowAllKnownDomains: list === null || list === undefined,
    allowedDomains: domains(list).map((d) => d.toLowerCase()),
    blockedDomains: domains(field(w, 'BlockedDomains')).map((d) => d.toLowerCase()),
  };
}

/**
 * §10: `/Skype.Policy/*` answers `{code, message, action}`; `/Teams.User` and `/Teams.Tenant`
 * answer `{"error": {code, message, ...}}`. Both are accepted wherever they come from; the
 * service's message (and action) is kept for the user.
 */
export function readServiceError(raw: string): { code?: string; message?: string } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return {};
  }
  const inner = field(body, 'error');
  const source = isObject(inner) ? inner : body;
  const message = text(source, 'message');
  const action = text(source, 'action');
  return {
    code: text(source, 'code'),
    message: message && action ? `${message} ${action}` : (message ?? action),
  };
}
