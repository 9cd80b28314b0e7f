/**
 * `cvi export` end to end: a tenant left as the source documents' manual steps leave it (the
 * provider created by PowerShell, the global grant, admin consent in the portal, SRV records
 * published by TSIG-signed RFC 2136 updates to a real BIND 9) becomes a tenant file whose first
 * deploy imports every object and changes nothing. The azuread and dns providers cannot be
 * downloaded here, so the deploy runs on a copy without consent and DNS, and their import ids
 * are checked in the JSON that `npm run synth` writes for the full file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { CVI_MINIMUM_APPLICATION_PERMISSIONS } from '../../../constructs';
import { parseTenantFile } from '../../../stacks';
import { runProcess, type ProcessResult } from '../../../scripts/run-process';
import { projectRoot } from '../../../scripts/project';
import { BindServer } from '../support/bind';
import { HAND_MADE, setUpByHand } from '../support/hand-made-tenant';
import { explain, TenantProject } from '../deploy/tenant-project';

jest.setTimeout(240_000);

const TENANT_ID = HAND_MADE.tenantId;
const PEXIP_APP = HAND_MADE.pexipApp;
const ZONE = HAND_MADE.zone;
const NODE = `px01.vc.${ZONE}`;

/** What the hand-made tenant publishes, as a tenant file would declare it (used only to seed BIND). */
const seedFile = `tenant: { id: ${TENANT_ID}, name: seed, domain: ${ZONE} }
vendor: pexip
teams: { assignment: { global: true } }
dns: { provider: rfc2136, zone: ${ZONE}, rfc2136: { server: 127.0.0.1, keyName: cvi-key. }, preset: { name: pexip-infinity, nodes: [${NODE}] } }
`;

const ok = (result: ProcessResult) => ({ code: result.code, ...(result.code !== 0 ? { why: explain(result) } : {}) });

describe('cvi export of a tenant set up by hand', () => {
  let emulator: RunningEmulator;
  let bind: BindServer;
  let project: TenantProject;
  let fullDir: string;
  let exported: string;

  const exportTenant = () =>
    runProcess(
      process.execPath,
      [path.join(projectRoot(), 'bin', 'cvi.js'), 'export', '--tenant-id', TENANT_ID, '--name', 'contoso', '--dns-zone', ZONE, '--dns-server', bind.address, '--dns-key-name', 'cvi-key.', '--federation-domain', 'pexip.example'],
      { cwd: project.dir, timeoutMs: 90_000, env: project.env },
    );

  beforeAll(async () => {
    bind = await BindServer.start([ZONE]);
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
    // DNS: the pexip-infinity records of one node.
    await setUpByHand(emulator, bind, parseTenantFile('seed.yaml', seedFile).config!);

    project = new TenantProject(emulator, [{ name: 'placeholder', id: TENANT_ID, domain: ZONE }]);
    project.env.CVI_GRAPH_ENDPOINT = emulator.graphUrl;
    fullDir = project.useTenants('exported');
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
    await bind?.stop();
  });

  test('export writes a valid tenant file with the import id of every object, and names what it leaves out', async () => {
    emulator.log.reset();
    const result = await exportTenant();

    expect(ok(result)).toEqual({ code: 0 });
    exported = result.stdout;
    expect(emulator.log.writes()).toEqual([]);
    expect(parseTenantFile('contoso.yaml', exported).problems).toEqual([]);
    const file = parse(exported);
    const graph = emulator.graph(TENANT_ID);
    const vendorSp = graph.servicePrincipalByAppId(PEXIP_APP)!.id;
    expect(file.import).toEqual({
      teams: { serviceProvider: 'Pexip', policyAssignments: ['global'], federationAllowedDomain: 'pexip.example' },
      consent: {
        [PEXIP_APP]: {
          servicePrincipal: `/servicePrincipals/${vendorSp}`,
          appRoleAssignments: Object.fromEntries(
            CVI_MINIMUM_APPLICATION_PERMISSIONS.map((p) => [p, `/servicePrincipals/${graph.graphServicePrincipalId}/appRoleAssignedTo/${graph.appRoleAssignmentsOf(vendorSp).find((a) => a.appRoleId === graph.appRoleId(p))!.id}`]),
          ),
          delegatedGrant: `/oauth2PermissionGrants/${graph.permissionGrantsOf(vendorSp)[0].id}`,
        },
      },
      dns: ['_sips._tcp', '_sip._tcp', '_h323cs._tcp', '_h323ls._udp', '_h323rs._udp'].map((o) => `${o}.${ZONE}.`),
    });
    // Vendor defaults are left out: the file says what differs.
    expect(file.teams).toEqual({ assignment: { global: true } });
    expect(file.consent).toBeUndefined();
    expect(file.dns.preset).toEqual({ name: 'pexip-infinity', nodes: [NODE] });
    expect(exported).toMatch(/^# Written by cvi export from the live tenant /);
    expect(file.federation).toEqual({ allowedDomain: 'pexip.example' });
    expect(exported).toContain('#   - dns.ttl: record TTLs are not read');
  });

  test('npm run synth takes the file unchanged and writes import blocks for the azuread and dns resources', async () => {
    fs.writeFileSync(path.join(fullDir, 'contoso.yaml'), exported);
    const result = await project.npm('synth');

    expect(ok(result)).toEqual({ code: 0 });
    const json = JSON.parse(fs.readFileSync(path.join(project.outDir, 'stacks', 'contoso', 'cdk.tf.json'), 'utf8'));
    const imports: { to: string; id: string }[] = json.import;
    const byType = (type: string) => imports.filter((i) => i.to.startsWith(`${type}.`)).map((i) => i.id).sort();
    const file = parse(exported);
    expect(byType('azuread_service_principal')).toEqual([file.import.consent[PEXIP_APP].servicePrincipal]);
    expect(byType('azuread_app_role_assignment')).toEqual(Object.values<string>(file.import.consent[PEXIP_APP].appRoleAssignments).sort());
    expect(byType('azuread_service_principal_delegated_permission_grant')).toEqual([file.import.consent[PEXIP_APP].delegatedGrant]);
    expect(byType('dns_srv_record_set')).toEqual([...file.import.dns].sort());
    expect(byType('cvi_video_interop_service_provider')).toEqual(['Pexip']);
    expect(byType('cvi_video_interop_policy_assignment')).toEqual(['global']);
    expect(byType('cvi_federation_allowed_domain')).toEqual(['pexip.example']);
    // Each block targets a resource of the stack.
    for (const block of imports) {
      const [type, name] = block.to.split('.');
      expect(json.resource[type]?.[name]).toBeDefined();
    }
  });

  test('the first deploy imports the three Teams objects and adds, changes and destroys nothing', async () => {
    // Consent and DNS left to other providers (not downloadable here): the rest of the file as exported.
    const copy = parse(exported);
    copy.consent = { enabled: false };
    delete copy.dns;
    delete copy.import.consent;
    delete copy.import.dns;
    project.useTenants('deployable');
    fs.writeFileSync(path.join(project.tenantsDir, 'contoso.yaml'), stringify(copy));
    emulator.log.reset();

    const result = await project.deploy('contoso');

    expect(ok(result)).toEqual({ code: 0 });
    expect(result.stdout).toMatch(/Plan: 3 to import, 0 to add, 0 to change, 0 to destroy\./);
    expect(result.stdout).toMatch(/3 imported, 0 added, 0 changed, 0 destroyed/);
    expect(emulator.log.writes()).toEqual([]);
  });

  test('cvi drift then finds the deployed tenant in sync', async () => {
    const result = await project.drift();

    expect(ok(result)).toEqual({ code: 0 });
  });

  test('cvi verify of the exported file exits 0', async () => {
    const result = await project.cvi('verify', '--tenants-dir', fullDir, '--dns-server', bind.address);

    expect(ok(result)).toEqual({ code: 0 });
  });

  test('a second export after synth and deploy gives the same bytes', async () => {
    const again = await exportTenant();

    expect(ok(again)).toEqual({ code: 0 });
    expect(again.stdout).toBe(exported);
  });
});

describe('cvi export of a tenant that grants the policy user by user', () => {
  const USERS_TENANT = '6a0f7c2e-1111-4222-8333-944455556666';
  let emulator: RunningEmulator;
  let project: TenantProject;

  beforeAll(async () => {
    // The user search is a candidate route: this tenant's service answers it.
    emulator = await startEmulator({ candidates: ['tenantGrantRead', 'userSearch'] });
    const teams = emulator.tenant(USERS_TENANT);
    teams.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@fabrikam.example', InstructionUri: 'https://pexip.me/teams/fabrikam.example/{ConfId}', AadApplicationIds: PEXIP_APP, AllowAppGuestJoinsAsAuthenticated: false });
    teams.setUserPolicy('pilot2@fabrikam.example', 'PexipServiceProviderEnabled');
    teams.setUserPolicy('pilot1@fabrikam.example', 'PexipServiceProviderEnabled');
    project = new TenantProject(emulator, [{ name: 'placeholder', id: USERS_TENANT, domain: 'fabrikam.example' }]);
    project.env.CVI_GRAPH_ENDPOINT = emulator.graphUrl;
    project.useTenants('exported');
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('exports the users, and the first deploy imports them and changes nothing', async () => {
    const result = await project.cvi('export', '--tenant-id', USERS_TENANT, '--name', 'fabrikam', '--out', path.join(project.tenantsDir, 'fabrikam.yaml'));
    expect(ok(result)).toEqual({ code: 0 });
    const file = parse(fs.readFileSync(path.join(project.tenantsDir, 'fabrikam.yaml'), 'utf8'));
    expect(file.teams.assignment).toEqual({ users: ['pilot1@fabrikam.example', 'pilot2@fabrikam.example'] });
    expect(file.import.teams).toEqual({ serviceProvider: 'Pexip', policyAssignments: ['users/PexipServiceProviderEnabled'] });

    // The vendor app was never consented here: leave consent to a stack with the azuread provider.
    file.consent = { enabled: false };
    fs.writeFileSync(path.join(project.tenantsDir, 'fabrikam.yaml'), stringify(file));
    emulator.log.reset();
    const deploy = await project.deploy('fabrikam');

    expect(ok(deploy)).toEqual({ code: 0 });
    expect(deploy.stdout).toMatch(/Plan: 2 to import, 0 to add, 0 to change, 0 to destroy\./);
    expect(emulator.log.writes()).toEqual([]);
  });
});
