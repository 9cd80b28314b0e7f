/**
 * The service provider was once written `teams.provider` with `name`; it is now
 * `teams.serviceProvider` with `identity` ("provider" is kept for Terraform). Files in git with
 * the old spelling are read the same way, with one warning per file; both spellings at once, or
 * a key of one under the other, are errors.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { loadTenants, parseTenantFile } from '../../../stacks/load-tenants';
import { synthTenants } from '../../../stacks/synth-tenants';
import { TenantStack } from '../../../stacks/tenant-stack';
import { tenantJsonSchema } from '../../../stacks/json-schema';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';
const WARNING = `${FILE}: teams.provider is the old name of teams.serviceProvider (and its name is now identity); it is read the same way; rename it`;

/** The tenant with its service provider in the old spelling: `provider`, and `name` for `identity`. */
function inOldSpelling(tenant: Record<string, any>): Record<string, any> {
  const { serviceProvider, ...teams } = tenant.teams;
  const { identity, ...fields } = serviceProvider;
  return { ...tenant, teams: { provider: identity === undefined ? fields : { name: identity, ...fields }, ...teams } };
}

/** A custom-vendor tenant that names its identity (custom has no default). */
function customTenant(): Record<string, any> {
  const tenant = ciscoTenant();
  tenant.vendor = 'custom';
  tenant.teams.serviceProvider.identity = 'Pexip';
  tenant.teams.assignment.policyName = 'PexipServiceProviderEnabled';
  return tenant;
}

const parse = (tenant: unknown) => parseTenantFile(FILE, toYaml(tenant));

describe('a tenant file in the old spelling', () => {
  test.each([
    ['pexip', pexipTenant],
    ['custom, with name', customTenant],
  ])('%s: is read as the same config as in the new spelling, with one warning naming the file and both fields', (_, make) => {
    const current = parse(make());
    const old = parse(inOldSpelling(make()));

    expect(old.problems).toEqual([]);
    expect(old.warnings).toEqual([WARNING]);
    expect(current.warnings).toEqual([]);
    expect(old.config).toEqual(current.config);
    expect(old.config?.teams.serviceProvider).toBeDefined();
    expect(old.config?.teams).not.toHaveProperty('provider');
  });

  test('synthesizes the same Terraform JSON as the new spelling', () => {
    const synth = (tenant: unknown) => Testing.synth(new TenantStack(Testing.app(), parse(tenant).config!));
    const custom = customTenant();
    custom.teams.serviceProvider.instructionUri = 'https://join.northwind.example/{ConfId}';

    expect(synth(inOldSpelling(pexipTenant()))).toBe(synth(pexipTenant()));
    expect(synth(inOldSpelling(custom))).toBe(synth(custom));
    expect(Object.values(JSON.parse(synth(inOldSpelling(custom))).resource.cvi_video_interop_service_provider)).toEqual([
      expect.objectContaining({ identity: 'Pexip', instruction_uri: 'https://join.northwind.example/{ConfId}' }),
    ]);
  });

  test('errors point at what the file says: teams.provider, and name for identity', () => {
    const custom = inOldSpelling(customTenant());
    delete custom.teams.provider.name;
    expect(parse(custom).problems).toEqual(['tenants/x.yaml: teams.provider.name: is required for vendor custom']);

    const cisco = inOldSpelling(ciscoTenant());
    delete cisco.teams.provider.tenantKey;
    expect(parse(cisco).problems).toEqual(['tenants/x.yaml: teams.provider.tenantKey: is required for vendor cisco (shape <sub>@m.webex.com)']);

    const badKey = inOldSpelling(pexipTenant());
    badKey.teams.provider.tenantKey = 'teams.contoso.example';
    expect(parse(badKey).problems).toEqual(['tenants/x.yaml: teams.provider.tenantKey: must be an address such as teams@contoso.com (got teams.contoso.example)']);
  });

  test('in the new spelling, the same errors name the new fields', () => {
    const custom = customTenant();
    delete custom.teams.serviceProvider.identity;
    expect(parse(custom).problems).toEqual(['tenants/x.yaml: teams.serviceProvider.identity: is required for vendor custom']);
  });

  test('a file with no service provider at all gets no warning', () => {
    const tenant = pexipTenant();
    delete tenant.teams.serviceProvider;
    expect(parse(tenant)).toEqual(expect.objectContaining({ problems: [], warnings: [] }));
  });
});

describe('the two spellings together', () => {
  test('both sections in one file are an error naming the file and both fields', () => {
    const tenant = pexipTenant();
    tenant.teams.provider = { tenantKey: 'teams@contoso.example' };
    const { config, problems } = parse(tenant);

    expect(config).toBeUndefined();
    expect(problems).toEqual([
      'tenants/x.yaml: teams.provider: is the old name of teams.serviceProvider and both are set; keep only teams.serviceProvider (its name is now identity)',
    ]);
  });

  test('identity under the old provider is an error with the hint', () => {
    const tenant = inOldSpelling(pexipTenant());
    tenant.teams.provider.identity = 'Pexip';
    expect(parse(tenant).problems).toEqual([
      'tenants/x.yaml: teams.provider.identity: unknown field (identity is the new spelling, under teams.serviceProvider; the old teams.provider calls it name: rename provider to serviceProvider)',
    ]);
  });

  test('name under serviceProvider is an error with the hint', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.name = 'Pexip';
    expect(parse(tenant).problems).toEqual([
      'tenants/x.yaml: teams.serviceProvider.name: unknown field (name is the old spelling, under teams.provider; teams.serviceProvider calls it identity)',
    ]);
  });
});

describe('loading a folder', () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-spelling-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  function writeTenants(files: Record<string, unknown>): string {
    const dir = path.join(work, 'tenants');
    fs.mkdirSync(dir);
    for (const [name, tenant] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), toYaml(tenant));
    return dir;
  }

  test('warns once per old-spelled file, naming it, and loads every tenant', () => {
    const dir = writeTenants({ 'a.yaml': inOldSpelling(pexipTenant()), 'b.yaml': ciscoTenant() });
    const { tenants, problems, warnings } = loadTenants(dir);

    expect(problems).toEqual([]);
    expect(tenants.map((t) => t.config.tenant.name).sort()).toEqual(['contoso', 'northwind']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(`${path.join(dir, 'a.yaml')}: ${WARNING.slice(FILE.length + 2)}`);
  });

  test('the main job prints the warning on its own channel, once, and synthesizes', () => {
    const dir = writeTenants({ 'a.yaml': inOldSpelling(pexipTenant()) });
    const log: string[] = [];
    const warn: string[] = [];
    const code = synthTenants({ tenantsDir: dir, outdir: path.join(work, 'out'), log: (l) => log.push(l), warn: (l) => warn.push(l) });

    expect(code).toBe(0);
    expect(log).toEqual([]);
    expect(warn).toEqual([expect.stringMatching(/a\.yaml: teams\.provider is the old name of teams\.serviceProvider .*; rename it$/)]);
    expect(fs.existsSync(path.join(work, 'out', 'stacks', 'contoso', 'cdk.tf.json'))).toBe(true);
  });

  test('the main job writes the warning to stderr by default, without a stack trace', () => {
    const dir = writeTenants({ 'a.yaml': inOldSpelling(pexipTenant()) });
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(synthTenants({ tenantsDir: dir, outdir: path.join(work, 'out'), note: () => undefined })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const warnings = written.filter((line) => line.includes('teams.provider is the old name'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/a\.yaml: .*rename it\n$/);
    expect(written.join('')).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('the JSON Schema', () => {
  test('marks teams.provider deprecated, so editors strike it through, and offers serviceProvider with identity', () => {
    const teams = JSON.parse(tenantJsonSchema()).properties.teams.properties;

    expect(teams.provider.deprecated).toBe(true);
    expect(Object.keys(teams.provider.properties)).toContain('name');
    expect(teams.serviceProvider.deprecated).toBeUndefined();
    expect(Object.keys(teams.serviceProvider.properties)).toEqual(['identity', 'tenantKey', 'instructionUri', 'aadApplicationIds', 'allowAppGuestJoinsAsAuthenticated']);
  });
});
