/**
 * `cvi verify` end to end: a tenant left as the source documents' manual steps leave it (the
 * provider created by PowerShell, the global grant, admin consent in the portal, SRV records
 * published), held by the emulator (Teams and Graph) and by a real BIND 9 that took the records
 * as TSIG-signed RFC 2136 updates. The command runs as a user runs it (bin/cvi.js), signing in
 * through the emulator's token endpoint with the ARM_* variables.
 */
import { promises as dns } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { parseTenantFile } from '../../../stacks';
import { runProcess } from '../../../scripts/run-process';
import { projectRoot } from '../../../scripts/project';
import { verifyReportSchema } from '../../../scripts/verify/report-schema';
import { BindServer, type SrvRecordData } from '../support/bind';
import { HAND_MADE, setUpByHand } from '../support/hand-made-tenant';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../../../testing/workspace';

jest.setTimeout(120_000);

const TENANT_ID = HAND_MADE.tenantId;
const ZONE = HAND_MADE.zone;

const tenantFile = (dnsPort: number) => `tenant: { id: ${TENANT_ID}, name: contoso, domain: ${ZONE} }
vendor: pexip
teams:
  assignment: { global: true }
dns:
  provider: rfc2136
  zone: ${ZONE}
  rfc2136: { server: 127.0.0.1, port: ${dnsPort}, keyName: cvi-key. }
  preset: { name: pexip-infinity, nodes: [px01.vc.${ZONE}] }
federation: { allowedDomain: pexip.example }
`;

describe('cvi verify against the emulator and BIND 9', () => {
  let emulator: RunningEmulator;
  let bind: BindServer;
  let dir: string;
  let published: SrvRecordData[];

  beforeAll(async () => {
    bind = await BindServer.start([ZONE]);
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
    dir = mkdtempSync(join(tmpdir(), 'cvi-verify-'));
    const text = tenantFile(bind.port);
    writeFileSync(join(dir, 'contoso.yaml'), text);
    const config = parseTenantFile('contoso.yaml', text).config!;
    // DNS: the records the tenant file declares, written as the dns provider writes them.
    published = await setUpByHand(emulator, bind, config);
  });

  afterAll(async () => {
    await emulator?.stop();
    await bind?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => emulator.faults.clear());

  const verify = (...extra: string[]) =>
    runProcess(process.execPath, [join(projectRoot(), 'bin', 'cvi.js'), 'verify', '--tenants-dir', dir, '--dns-server', bind.address, ...extra], {
      cwd: dir,
      timeoutMs: 90_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ARM_TENANT_ID: TENANT_ID,
        ARM_CLIENT_ID: TEST_CLIENT_ID,
        ARM_CLIENT_SECRET: TEST_CLIENT_SECRET,
        ARM_AUTHORITY_HOST: emulator.authorityHost,
        NODE_EXTRA_CA_CERTS: emulator.caCertPath,
        CVI_TEAMS_ENDPOINT: emulator.url,
        CVI_GRAPH_ENDPOINT: emulator.graphUrl,
      },
    });

  test('a tenant set up by hand as its file declares verifies with exit 0, every check ok', async () => {
    const result = await verify('--json');

    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const report = verifyReportSchema.parse(JSON.parse(result.stdout));
    expect(report.counts).toEqual({ ok: 5 + 1 + 4 + 1 + 3, missing: 0, different: 0, unreadable: 0, unchecked: 0 });
  });

  test('one SRV record removed from the zone: exit 2 naming the record', async () => {
    const gone = published.find((r) => r.owner.startsWith('_h323cs._tcp'))!;
    await bind.deleteSrv(ZONE, gone);
    try {
      const result = await verify();

      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(new RegExp(`MISSING\\s+dns\\s+SRV _h323cs\\._tcp\\.contoso\\.example -> px01\\.vc\\.contoso\\.example:1720`));
      expect(Math.max(...result.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    } finally {
      await bind.addSrv(ZONE, [gone]);
    }
  });

  test('a weight changed in the zone: exit 2 naming the field with both values', async () => {
    const sip = published.find((r) => r.owner.startsWith('_sip._tcp'))!;
    await bind.deleteSrv(ZONE, sip);
    await bind.addSrv(ZONE, [{ ...sip, weight: 30 }]);
    try {
      const result = await verify();

      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/DIFFERENT\s+dns\s+SRV _sip\._tcp\.contoso\.example -> px01\.vc\.contoso\.example:5060\n\s+weight: expected 10, found 30/);
    } finally {
      await bind.deleteSrv(ZONE, { ...sip, weight: 30 });
      await bind.addSrv(ZONE, [sip]);
    }
  });

  test('Microsoft Graph refusing the reader: exit 1, consent could not be checked', async () => {
    emulator.faults.add({ kind: 'error', status: 403, route: 'GET /v1.0/servicePrincipals' });

    const result = await verify();

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/UNREADABLE\s+consent\s+consent 923c9f0a-b883-4efe-af73-54810da59f83: service principal/);
    expect(result.stdout).toContain('HTTP 403');
  });

  test('the test server takes only updates signed with its TSIG key, as a real zone would', async () => {
    const otherKey = { ...bind.key, secret: Buffer.alloc(32, 1).toString('base64') };

    await expect(bind.update(ZONE, [`update add rogue.${ZONE}. 300 IN A 127.0.0.9`], otherKey)).rejects.toThrow(/nsupdate failed/);

    const resolver = new dns.Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([bind.address]);
    await expect(resolver.resolve4(`rogue.${ZONE}`)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
