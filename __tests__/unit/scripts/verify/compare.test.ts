import type { DeclaredSrvRecord } from '../../../../constructs';
import { read, missing, unreadable, type TeamsReadout } from '../../../../reader';
import { compareDns } from '../../../../scripts/verify/compare-dns';
import { compareConsent } from '../../../../scripts/verify/compare-consent';
import { compareTeams } from '../../../../scripts/verify/compare-teams';
import { expectedTenant } from '../../../../scripts/verify/expected';
import { buildReport, describeDifference, tenantVerdict } from '../../../../scripts/verify/model';
import { renderTable } from '../../../../scripts/verify/render-table';
import { parseTenantFile } from '../../../../stacks';

const OWNER = '_sip._tcp.contoso.example';
const record = (target: string, port = 5060, priority = 10, weight = 10): DeclaredSrvRecord => ({ owner: OWNER, service: 'sip', protocol: 'tcp', target, port, priority, weight });
const answers = (...list: { target: string; port: number; priority: number; weight: number }[]) => read({ server: '127.0.0.1:5353', recordSets: [{ owner: OWNER, answers: read(list) }] });

describe('SRV records against the resolver', () => {
  test('a changed weight is one different check naming the field with both values', () => {
    const checks = compareDns([record('px01.contoso.example')], answers({ target: 'px01.contoso.example', port: 5060, priority: 10, weight: 30 }));

    expect(checks).toEqual([{ area: 'dns', subject: `SRV ${OWNER} -> px01.contoso.example:5060`, status: 'different', differences: [{ field: 'weight', expected: 10, found: 30 }] }]);
    expect(describeDifference(checks[0].differences![0])).toBe('weight: expected 10, found 30');
  });

  test('a record the server lacks is missing, one it holds beyond the file is different', () => {
    const checks = compareDns([record('px01.contoso.example'), record('px02.contoso.example')], answers({ target: 'px01.contoso.example', port: 5060, priority: 10, weight: 10 }, { target: 'rogue.example', port: 5060, priority: 0, weight: 0 }));

    expect(checks.map((c) => [c.status, c.subject])).toEqual([
      ['ok', `SRV ${OWNER} -> px01.contoso.example:5060`],
      ['missing', `SRV ${OWNER} -> px02.contoso.example:5060`],
      ['different', `SRV ${OWNER} -> rogue.example:5060`],
    ]);
  });

  test('a moved port on the same target is a port difference, not a missing record', () => {
    const checks = compareDns([record('px01.contoso.example')], answers({ target: 'px01.contoso.example', port: 5070, priority: 10, weight: 10 }));

    expect(checks[0]).toMatchObject({ status: 'different', differences: [{ field: 'port', expected: 5060, found: 5070 }] });
  });

  test('a name with no SRV data is missing; a silent server is unreadable', () => {
    expect(compareDns([record('px01.contoso.example')], read({ server: 's', recordSets: [{ owner: OWNER, answers: missing('no such name') }] }))[0].status).toBe('missing');
    expect(compareDns([record('px01.contoso.example')], read({ server: 's', recordSets: [{ owner: OWNER, answers: unreadable('timeout') }] }))[0].status).toBe('unreadable');
  });
});

describe('consent against Graph', () => {
  const want = [{ appId: 'app-1', applicationPermissions: ['Calls.AccessMedia.All', 'Calls.JoinGroupCall.All'], delegatedScopes: ['User.Read'] }];

  test('a permission not granted is missing and one granted beyond the file is a difference', () => {
    const consent = read({ apps: [{ appId: 'app-1', consent: read({ appId: 'app-1', servicePrincipalId: 'sp', applicationPermissions: ['Calls.AccessMedia.All', 'Mail.Read'], unknownAppRoleIds: [], delegatedScopes: ['User.Read'] }) }] });

    const checks = compareConsent(want, consent);

    expect(checks.map((c) => [c.status, c.subject])).toEqual([
      ['ok', 'consent app-1: service principal'],
      ['ok', 'consent app-1: application permission Calls.AccessMedia.All'],
      ['missing', 'consent app-1: application permission Calls.JoinGroupCall.All'],
      ['different', 'consent app-1: application permissions not declared'],
      ['ok', 'consent app-1: delegated scopes'],
    ]);
  });

  test('an app never consented is one missing check; an unreadable Graph is unreadable', () => {
    expect(compareConsent(want, read({ apps: [{ appId: 'app-1', consent: missing('no service principal') }] }))).toEqual([
      { area: 'consent', subject: 'consent app-1: service principal', status: 'missing', reason: 'no service principal' },
    ]);
    expect(compareConsent(want, unreadable('HTTP 403'))[0]).toMatchObject({ status: 'unreadable', reason: 'HTTP 403' });
  });
});

describe('Teams objects against the readout', () => {
  const file = (assignment: string) =>
    parseTenantFile('t.yaml', `tenant: { id: 5df714c9-1b0c-491c-8262-705358be54ab, name: contoso, domain: contoso.example }\nvendor: pexip\nteams:\n  assignment: ${assignment}\nfederation: { allowedDomain: pexip.example }\n`).config!;
  const teams = (over: Partial<TeamsReadout> = {}) =>
    read<TeamsReadout>({
      serviceProviders: [{ identity: 'Pexip', tenantKey: 'teams@contoso.example', instructionUri: 'https://pexip.me/teams/contoso.example/{ConfId}', aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'], allowAppGuestJoinsAsAuthenticated: false }],
      policies: read([]),
      tenantGrant: unreadable('HTTP 405'),
      groupAssignments: read([]),
      federation: read({ allowFederatedUsers: true, allowAllKnownDomains: false, allowedDomains: ['pexip.example'], blockedDomains: [] }),
      users: read([]),
      ...over,
    });

  test('a global assignment the service will not read is unchecked (a warning), the rest ok', () => {
    const checks = compareTeams(expectedTenant(file('{ global: true }')), teams());

    expect(checks.map((c) => c.status)).toEqual(['ok', 'unchecked', 'ok']);
    expect(tenantVerdict(checks)).toBe('ok');
  });

  test('a provider field changed by hand and a group at another rank are differences with both values', () => {
    const live = teams({ groupAssignments: read([{ groupId: '09ee50af-2b59-41d0-a324-2cd7726c57ad', policyName: 'PexipServiceProviderEnabled', rank: 3 }]) });
    if (live.status !== 'read') throw new Error('fixture');
    const changed = read<TeamsReadout>({ ...live.value, serviceProviders: [{ ...live.value.serviceProviders[0], tenantKey: 'other@contoso.example' }] });

    const checks = compareTeams(expectedTenant(file('{ groups: [{ id: 09ee50af-2b59-41d0-a324-2cd7726c57ad, rank: 1 }] }')), changed);

    expect(checks.flatMap((c) => (c.differences ?? []).map(describeDifference))).toEqual(['tenantKey: expected teams@contoso.example, found other@contoso.example', 'rank: expected 1, found 3']);
  });
});

describe('the report', () => {
  test('exit 0 all ok, 2 a difference, 1 anything unreadable (which wins)', () => {
    const t = (status: 'ok' | 'missing' | 'unreadable') => ({ tenant: 'x', tenantId: 'id', file: 'f', status: tenantVerdict([{ area: 'dns' as const, subject: 's', status }]), checks: [{ area: 'dns' as const, subject: 's', status }] });
    expect(buildReport([t('ok')], 'r').exitCode).toBe(0);
    expect(buildReport([t('ok'), t('missing')], 'r').exitCode).toBe(2);
    expect(buildReport([t('missing'), t('unreadable')], 'r').exitCode).toBe(1);
  });

  test('the table keeps to 100 columns and shows both values under the row', () => {
    const checks = compareDns([record(`${'n'.repeat(60)}.contoso.example`)], answers({ target: `${'n'.repeat(60)}.contoso.example`, port: 5060, priority: 10, weight: 30 }));
    const text = renderTable(buildReport([{ tenant: 'contoso', tenantId: 'id', file: 'tenants/contoso.yaml', status: tenantVerdict(checks), checks }], '127.0.0.1:5353'));

    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).toContain('weight: expected 10, found 30');
    expect(text).toContain('DIFFERENT');
  });
});
