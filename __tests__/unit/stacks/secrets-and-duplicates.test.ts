import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadTenants, parseTenantFile } from '../../../stacks/load-tenants';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';

describe('a secret-looking key in a tenant file', () => {
  it('is an error naming the environment variable for the TSIG secret', () => {
    // given a TSIG secret written into the rfc2136 block
    const tenant = pexipTenant();
    tenant.dns.rfc2136.keySecret = 'c2VjcmV0LXRzaWcta2V5';
    // when the file is parsed
    const { problems } = parseTenantFile(FILE, toYaml(tenant));
    // then exactly one problem names the field and DNS_UPDATE_KEYSECRET
    expect(problems).toEqual([
      'tenants/x.yaml: dns.rfc2136.keySecret: secrets never go in tenant files; remove it and set DNS_UPDATE_KEYSECRET in the environment instead',
    ]);
  });

  it('names ARM_CLIENT_SECRET for a client secret', () => {
    const tenant = pexipTenant();
    tenant.consent.clientSecret = 'hunter2-client';
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toContain('consent.clientSecret: secrets never go in tenant files; remove it and set ARM_CLIENT_SECRET');
  });

  it.each(['password', 'token', 'sasToken', 'apiKey'])('catches a key named %s', (key) => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'local', [key]: 'some-value-123' };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toContain(`backend.${key}: secrets never go in tenant files`);
  });

  it('never repeats the secret value in the message', () => {
    const tenant = pexipTenant();
    tenant.dns.rfc2136.keySecret = 'c2VjcmV0LXRzaWcta2V5';
    const text = parseTenantFile(FILE, toYaml(tenant)).problems.join('\n');
    expect(text).not.toContain('c2VjcmV0LXRzaWcta2V5');
  });

  it('does not mistake tenantKey or keyName for a secret', () => {
    expect(parseTenantFile(FILE, toYaml(pexipTenant())).problems).toEqual([]);
  });
});

describe('several tenant files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-tenants-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, tenant: unknown): void {
    fs.writeFileSync(path.join(dir, name), toYaml(tenant));
  }

  it('loads every valid file in name order', () => {
    write('b.yaml', ciscoTenant());
    write('a.yml', pexipTenant());
    const { tenants, problems } = loadTenants(dir);
    expect(problems).toEqual([]);
    expect(tenants.map((t) => t.config.tenant.name)).toEqual(['contoso', 'northwind']);
  });

  it('rejects two files with the same tenant id', () => {
    const other = ciscoTenant();
    other.tenant.id = pexipTenant().tenant.id.toUpperCase();
    write('a.yaml', pexipTenant());
    write('b.yaml', other);
    const { problems } = loadTenants(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/b\.yaml: tenant\.id: same tenant id as .*a\.yaml \(got 6B0E7C1A/);
  });

  it('rejects two files with the same tenant name', () => {
    const other = ciscoTenant();
    other.tenant.name = 'contoso';
    write('a.yaml', pexipTenant());
    write('b.yaml', other);
    expect(loadTenants(dir).problems[0]).toMatch(/b\.yaml: tenant\.name: same name as .*a\.yaml; it names the stack \(got contoso\)/);
  });

  it('reports problems of every file, not only the first', () => {
    write('a.yaml', { ...pexipTenant(), vendor: 'nope' });
    write('b.yaml', { ...ciscoTenant(), vendor: 'nope' });
    expect(loadTenants(dir).problems).toHaveLength(2);
  });

  it('reports a directory with no tenant files', () => {
    expect(loadTenants(dir).problems[0]).toMatch(/holds no tenant files/);
  });

  it('reports a missing directory and the variable that moves it', () => {
    expect(loadTenants(path.join(dir, 'absent')).problems[0]).toMatch(/tenant directory does not exist \(set CVI_TENANTS_DIR/);
  });
});

describe('the example tenants', () => {
  it('all load without a problem', () => {
    const { tenants, problems } = loadTenants(path.join(__dirname, '..', '..', '..', 'tenants'));
    expect(problems).toEqual([]);
    expect(tenants.map((t) => t.config.vendor)).toEqual(expect.arrayContaining(['pexip', 'poly', 'cisco']));
  });
});
