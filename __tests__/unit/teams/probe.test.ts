/** `cvi probe`: read-only route checks against the emulator, and the command's report and exit code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProbe } from '../../../scripts/commands/probe';
import { shapeOf } from '../../../teams';
import { type Harness, startHarness } from '../../support/emulator/client';

const CVI = join(__dirname, '..', '..', '..', 'bin', 'cvi.js');
const GROUP = '6a3f1b52-8c1d-4e2f-9a7b-0c1d2e3f4a5b';

describe('probe of every route the client depends on', () => {
  let h: Harness;
  afterEach(() => h.stop());

  test('given a service as the evidence describes it, when probing, then every High route answers as evidence and nothing is written', async () => {
    h = await startHarness();
    h.tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'secret-looking-key@contoso.com' });

    const results = await h.client.probe({ group: GROUP, user: 'alice@contoso.com' });

    expect(results.filter((r) => r.confidence === 'High').every((r) => r.asEvidence)).toBe(true);
    expect(results.find((r) => r.name === 'tenant-wide grant (read)')).toMatchObject({ status: 405, asEvidence: false, confidence: 'candidate' });
    expect(results.find((r) => r.name === 'user search by policy')).toMatchObject({ status: 400, asEvidence: false });
    expect(h.emulator.log.writes()).toEqual([]);
    expect(JSON.stringify(results)).not.toContain('secret-looking-key');
    expect(results.find((r) => r.name === 'video interop service providers')?.shape).toBe(
      '[1 × {Identity: string, TenantKey: string, InstructionUri: null, AadApplicationIds: null, AllowAppGuestJoinsAsAuthenticated: boolean}]',
    );
  });

  test('given the candidates answer, when probing, then they are reported as evidence-shaped', async () => {
    h = await startHarness({ candidates: ['userSearch', 'tenantGrantRead'] });

    const results = await h.client.probe();

    expect(results.filter((r) => r.confidence === 'candidate').map((r) => [r.name, r.asEvidence])).toEqual([
      ['tenant-wide grant (read)', true],
      ['user search by policy', true],
    ]);
  });

  test('given discovery answers another shape, when formatting, then the verdict names it', async () => {
    h = await startHarness();
    h.emulator.faults.add({ kind: 'error', route: 'GET /Teams.Tenant/serviceDiscovery', status: 404 });

    const text = formatProbe(await h.client.probe());

    expect(text).toContain('service discovery §1 [High]');
    expect(text).toContain('status 404');
    expect(text).toContain('probe: 1 High-confidence route(s) answered otherwise: service discovery');
  });
});

describe('shape of an answer', () => {
  test('keys and types, never values', () => {
    expect(shapeOf({ Endpoints: { AdminServiceEndpoint: 'admin2a.online.lync.com' }, n: 3, ok: true, list: [] })).toBe(
      '{Endpoints: {AdminServiceEndpoint: string}, n: number, ok: boolean, list: []}',
    );
  });
});

describe('cvi probe command', () => {
  let h: Harness;
  afterEach(() => h.stop());

  test('signs in from the environment, prints the report, writes the JSON file and exits 0', async () => {
    h = await startHarness();
    const dir = mkdtempSync(join(tmpdir(), 'cvi-probe-'));
    const env = {
      ...process.env,
      ARM_TENANT_ID: h.tenantId,
      ARM_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      ARM_CLIENT_SECRET: 'probe-test-secret-3c1d',
      ARM_AUTHORITY_HOST: h.emulator.authorityHost,
      NODE_EXTRA_CA_CERTS: h.emulator.caCertPath,
      CVI_TEAMS_ENDPOINT: h.emulator.url,
    };
    const child = spawn(process.execPath, [CVI, 'probe', '--json', join(dir, 'probe.json')], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(0);
    expect(out).toContain('probe: every High-confidence route answered as the evidence says');
    expect(out).not.toContain('probe-test-secret-3c1d');
    const report = JSON.parse(readFileSync(join(dir, 'probe.json'), 'utf8'));
    expect(report.format).toBe('cvi-probe/v1');
    expect(report.results.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(report)).not.toMatch(/eyJ|probe-test-secret/);
  }, 60_000);
});
