import type { WireProvider } from './wire';
import { canonicalBody } from './json';
import { badRequest } from './errors';
import { isGuid } from './identity';

/**
 * The service's rules for a video interop service provider (teams-cvi-reference.md §2,
 * teams-wire-evidence.md §2):
 * TenantKey required on create, AadApplicationIds stored as one semicolon-separated string.
 */

/** §2 fields; `Name` is the cmdlet's other way to name the provider (-Name instead of -Identity) and is not stored apart. */
const FIELDS = ['Identity', 'Name', 'TenantKey', 'InstructionUri', 'AadApplicationIds', 'AllowAppGuestJoinsAsAuthenticated'] as const;

/** Accepts the semicolon-separated string (or, leniently, an array) and stores the canonical string. */
export function normaliseAppIds(value: unknown, context: string): string | null {
  if (value === null || value === undefined) return null;
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : undefined;
  if (!parts) throw badRequest(`${context}: AadApplicationIds must be a semicolon-separated string of GUIDs, got ${JSON.stringify(value)}`);
  const ids = parts.map((p) => String(p).trim()).filter((p) => p !== '');
  const bad = ids.find((id) => !isGuid(id));
  if (bad !== undefined) throw badRequest(`${context}: AadApplicationIds entry "${bad}" is not a GUID`);
  return ids.length === 0 ? null : ids.join(';');
}

function optionalString(body: Record<string, unknown>, field: string, context: string): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw badRequest(`${context}: ${field} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** A create (New-CsVideoInteropServiceProvider, POST with the bound parameters, §2) checked and normalised. */
export function providerFromCreate(raw: Record<string, unknown>): WireProvider {
  const body = canonicalBody(raw, FIELDS, 'provider');
  const identity = optionalString(body, 'Identity', 'provider') ?? optionalString(body, 'Name', 'provider');
  if (!identity || identity.trim() === '') throw badRequest('provider: Identity is required (e.g. "Pexip")');
  const context = `provider "${identity}"`;
  const tenantKey = optionalString(body, 'TenantKey', context);
  if (!tenantKey || tenantKey.trim() === '') throw badRequest(`${context}: TenantKey is required on create (e.g. "teams@contoso.com")`);
  const allow = body.AllowAppGuestJoinsAsAuthenticated;
  if (allow !== undefined && typeof allow !== 'boolean') {
    throw badRequest(`${context}: AllowAppGuestJoinsAsAuthenticated must be true or false, got ${JSON.stringify(allow)}`);
  }
  return {
    Identity: identity.trim(),
    TenantKey: tenantKey,
    InstructionUri: optionalString(body, 'InstructionUri', context) ?? null,
    AadApplicationIds: normaliseAppIds(body.AadApplicationIds, context),
    AllowAppGuestJoinsAsAuthenticated: allow ?? false,
  };
}

/**
 * An update (Set-CsVideoInteropServiceProvider: PATCH of the bound parameters, §2) merged onto
 * the stored provider: fields in the body replace, fields absent stay, null clears an optional field.
 */
export function providerAfterUpdate(current: WireProvider, raw: Record<string, unknown>): WireProvider {
  const context = `provider "${current.Identity}"`;
  const body = canonicalBody(raw, FIELDS, context);
  if (body.Identity !== undefined && String(body.Identity).toLowerCase() !== current.Identity.toLowerCase()) {
    throw badRequest(`${context}: Identity in the body ("${String(body.Identity)}") differs from the one in the path; a provider cannot be renamed`);
  }
  const next: WireProvider = { ...current };
  if ('TenantKey' in body) {
    const key = optionalString(body, 'TenantKey', context);
    if (!key || key.trim() === '') throw badRequest(`${context}: TenantKey cannot be empty`);
    next.TenantKey = key;
  }
  if ('InstructionUri' in body) next.InstructionUri = optionalString(body, 'InstructionUri', context) ?? null;
  if ('AadApplicationIds' in body) next.AadApplicationIds = normaliseAppIds(body.AadApplicationIds, context);
  if ('AllowAppGuestJoinsAsAuthenticated' in body) {
    const allow = body.AllowAppGuestJoinsAsAuthenticated;
    if (typeof allow !== 'boolean') throw badRequest(`${context}: AllowAppGuestJoinsAsAuthenticated must be true or false, got ${JSON.stringify(allow)}`);
    next.AllowAppGuestJoinsAsAuthenticated = allow;
  }
  return next;
}
