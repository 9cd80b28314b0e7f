/**
 * Unmanaged objects end to end: a deployed Teams-only tenant, the real terraform, and `cvi drift`
 * (run in this process) reading the emulator through the Teams client. The credential trusts the
 * emulator's token endpoint CA explicitly (this process did not start with NODE_EXTRA_CA_CERTS).
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { run as drift } from '../../../scripts/commands/drift';
import { explain, TenantProject } from './tenant-project';

const mockTrust: { ca?: string } = {};
jest.mock('../../../teams', () => {
  const actual = jest.requireActual('../../../teams');
  return {
    ...actual,
    credentialFromEnvironment: (env: NodeJS.ProcessEnv, overrides: object = {}) => actual.credentialFromEnvironment(env, { ...overrides, authorityCa: mockTrust.ca }),
  };
});

jest.setTimeout(180_000);

const DELTA = { name: 'delta', id: 'd4d4d4d4-0000-4000-8000-00000000d4d4', domain: 'delta.example' };
const FOREIGN_GROUP = '0f0f0f0f-5a5a-4b4b-8c8c-1d1d1d1d1d1d';

/** Runs `cvi drift` here with the project's environment, stdout and stderr captured. */
async function driftIn(project: TenantProject, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = process.env;
  process.env = { ...project.env };
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += c.toString()), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += c.toString()), true));
  try {
    const code = await drift(['--out', project.outDir, '--no-synth', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
}

describe('cvi drift finds live Teams objects no stack declares', () => {
  let emulator: RunningEmulator;
  let project: TenantProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    mockTrust.ca = emulator.caCertPem;
    project = new TenantProject(emulator, [DELTA]);
    const deployed = await project.deploy(DELTA.name);
    if (deployed.code !== 0) throw new Error(`deploy failed: ${explain(deployed)}`);
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('a tenant holding only what its stack declares is in sync (exit 0)', async () => {
    const result = await driftIn(project, '--json');
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: result.stdout + result.stderr } : {}) });
    expect(JSON.parse(result.stdout)).toMatchObject({ unmanagedChecked: true, tenants: [{ tenant: 'delta', status: 'in-sync', unmanaged: [] }] });
  });

  describe('with a rogue Cisco provider and a Cisco group assignment at rank 1 added by hand', () => {
    beforeAll(() => {
      const tenant = emulator.tenant(DELTA.id);
      tenant.setServiceProvider({ Identity: 'Cisco', TenantKey: `rogue@${DELTA.domain}`, AadApplicationIds: '', AllowAppGuestJoinsAsAuthenticated: false });
      tenant.setGroupPolicy(FOREIGN_GROUP, 'CiscoServiceProviderEnabled', 1);
    });

    test('both are reported as unmanaged, the group as ranked above our tenant-wide grant, and drift exits 2', async () => {
      const result = await driftIn(project, '--json');
      expect(result.code).toBe(2);
      const [delta] = JSON.parse(result.stdout).tenants;
      expect(delta).toMatchObject({ tenant: 'delta', tenantId: DELTA.id, status: 'unmanaged', resources: [] });
      expect(delta.unmanaged).toEqual([
        { kind: 'service-provider', object: 'Cisco', detail: `service provider Cisco (tenant key rogue@${DELTA.domain}) is not in the stack` },
        {
          kind: 'group-assignment',
          object: FOREIGN_GROUP,
          detail: `group ${FOREIGN_GROUP} holds CiscoServiceProviderEnabled at rank 1, above our tenant-wide grant: its members get CiscoServiceProviderEnabled instead of ours`,
          rankedAboveOurs: true,
        },
      ]);
    });

    test('the table shows them as unmanaged rows of the tenant', async () => {
      const result = await driftIn(project);
      expect(result.stdout).toMatch(new RegExp(`^delta\\s+${DELTA.id}\\s+unmanaged\\s+service provider Cisco$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^delta\\s+${DELTA.id}\\s+unmanaged\\s+\\(ranked above ours\\)$`, 'm'));
    });

    test('--ignore-unmanaged leaves them out: exit 0', async () => {
      const result = await driftIn(project, '--ignore-unmanaged', '--json');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).unmanagedChecked).toBe(false);
    });
  });
});
