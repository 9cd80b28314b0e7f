/**
 * Expected consent against what Graph shows: per app id the service principal, each Graph
 * application permission by name, permissions granted beyond the file's, and the delegated
 * scopes granted for all users.
 */
import type { AppConsent, ConsentReadout, Part } from '../../reader';
import type { ExpectedConsent } from './expected';
import type { Check } from './model';

const sorted = (values: readonly string[]) => [...values].sort((a, b) => a.localeCompare(b));

export function compareConsent(expected: readonly ExpectedConsent[], consent: Part<ConsentReadout>): Check[] {
  const checks: Check[] = [];
  for (const app of expected) {
    const sp = `consent ${app.appId}: service principal`;
    const read = consent.status === 'read' ? consent.value.apps.find((a) => a.appId.toLowerCase() === app.appId.toLowerCase())?.consent : consent;
    if (!read || read.status === 'unreadable') {
      checks.push({ area: 'consent', subject: sp, status: 'unreadable', reason: read?.reason ?? `app ${app.appId} was not read` });
      continue;
    }
    if (read.status === 'missing') {
      checks.push({ area: 'consent', subject: sp, status: 'missing', reason: read.reason });
      continue;
    }
    checks.push({ area: 'consent', subject: sp, status: 'ok', reason: read.value.displayName });
    checks.push(...permissionChecks(app, read.value));
  }
  return checks;
}

function permissionChecks(app: ExpectedConsent, found: AppConsent): Check[] {
  const checks: Check[] = [];
  const granted = new Set(found.applicationPermissions);
  for (const name of app.applicationPermissions) {
    const subject = `consent ${app.appId}: application permission ${name}`;
    checks.push(granted.has(name) ? { area: 'consent', subject, status: 'ok' } : { area: 'consent', subject, status: 'missing', reason: `${name} is not granted to the app on Microsoft Graph` });
  }
  const extra = [...found.applicationPermissions.filter((n) => !app.applicationPermissions.includes(n)), ...found.unknownAppRoleIds];
  if (extra.length > 0) {
    checks.push({
      area: 'consent',
      subject: `consent ${app.appId}: application permissions not declared`,
      status: 'different',
      differences: [{ field: 'applicationPermissions', expected: sorted(app.applicationPermissions), found: sorted([...found.applicationPermissions, ...found.unknownAppRoleIds]) }],
    });
  }
  const want = sorted(app.delegatedScopes);
  const have = sorted(found.delegatedScopes);
  if (want.length > 0 || have.length > 0) {
    const same = want.length === have.length && want.every((s, i) => s === have[i]);
    const subject = `consent ${app.appId}: delegated scopes`;
    checks.push(same ? { area: 'consent', subject, status: 'ok' } : { area: 'consent', subject, status: have.length === 0 ? 'missing' : 'different', differences: [{ field: 'delegatedScopes', expected: want, found: have }] });
  }
  return checks;
}
