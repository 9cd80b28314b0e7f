import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthTenants } from '../../../stacks/synth-tenants';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'tenants');

let work: string;
let log: string[];
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-synth-'));
  log = [];
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function run(tenantsDir: string): number {
  return synthTenants({ tenantsDir, outdir: path.join(work, 'out'), log: (line) => log.push(line) });
}

function writeTenants(files: Record<string, unknown>): string {
  const dir = path.join(work, 'tenants');
  fs.mkdirSync(dir);
  for (const [name, tenant] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), toYaml(tenant));
  return dir;
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

describe('the main job', () => {
  it('writes one stack per example tenant and succeeds', () => {
    expect(run(EXAMPLES)).toBe(0);
    const stacks = fs.readdirSync(path.join(work, 'out', 'stacks')).sort();
    expect(stacks).toEqual(['contoso', 'fabrikam', 'northwind', 'tailspin']);
    for (const name of stacks) expect(fs.existsSync(path.join(work, 'out', 'stacks', name, 'cdk.tf.json'))).toBe(true);
  });

  it('writes nothing when one tenant file is invalid, and says so per problem', () => {
    // given one valid and one invalid tenant file
    const bad = pexipTenant();
    bad.dns.records[1].target = '10.0.0.5';
    bad.tenant.name = 'bad';
    bad.tenant.id = '8d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09';
    const dir = writeTenants({ 'good.yaml': ciscoTenant(), 'bad.yaml': bad });
    // when the main job runs
    const code = run(dir);
    // then it fails, names the problem on one line, and leaves no output behind
    expect(code).toBe(1);
    expect(log[0]).toMatch(/bad\.yaml: dns\.records\[1\]\.target: must be a host name, not an IP address \(got 10\.0\.0\.5\)$/);
    expect(log.every((line) => !line.includes('\n') && !/\bat .*\.ts:\d+/.test(line))).toBe(true);
    expect(fs.existsSync(path.join(work, 'out'))).toBe(false);
  });

  it('stops at duplicate group ranks with one line naming the file and the field, before any stack', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = {
      groups: [
        { id: '0b6f4d2e-8a1c-4e3b-9f7d-5c2a1e0d3b48', rank: 1 },
        { id: '7e1d5c3a-2b4f-4a6e-8d9c-1f0e3b2a5c47', rank: 1 },
      ],
    };
    const dir = writeTenants({ 'ranked.yaml': tenant });
    expect(run(dir)).toBe(1);
    expect(log[0]).toMatch(/ranked\.yaml: teams\.assignment\.groups\[1\]\.rank: duplicate rank, already at \[0\]; each group needs its own rank \(got 1\)$/);
    expect(fs.existsSync(path.join(work, 'out'))).toBe(false);
  });

  it('keeps secrets from the environment out of every synthesized file', () => {
    // given secrets in the variables the providers and backends read
    const secrets = {
      DNS_UPDATE_KEYSECRET: 'dHNpZy1zZWNyZXQtdmFsdWUtOTk=',
      ARM_CLIENT_SECRET: 'client-secret-value-77',
      ARM_ACCESS_KEY: 'storage-access-key-55',
    };
    const saved = Object.fromEntries(Object.keys(secrets).map((k) => [k, process.env[k]]));
    Object.assign(process.env, secrets);
    try {
      // when all example tenants are synthesized
      expect(run(EXAMPLES)).toBe(0);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    // then no output file holds any of them
    for (const name of fs.readdirSync(path.join(work, 'out', 'stacks'))) {
      const text = fs.readFileSync(path.join(work, 'out', 'stacks', name, 'cdk.tf.json'), 'utf8');
      for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    }
  });

  it('writes no absolute path into any stack', () => {
    expect(run(EXAMPLES)).toBe(0);
    for (const name of fs.readdirSync(path.join(work, 'out', 'stacks'))) {
      const json = JSON.parse(fs.readFileSync(path.join(work, 'out', 'stacks', name, 'cdk.tf.json'), 'utf8'));
      const absolute = allStrings(json).filter((s) => path.isAbsolute(s) || s.includes(process.cwd()) || s.includes(work));
      expect(absolute).toEqual([]);
    }
  });

  it('notes a stack folder of another tenants folder and advises nothing destructive', () => {
    fs.mkdirSync(path.join(work, 'out', 'stacks', 'retired'), { recursive: true });
    expect(run(EXAMPLES)).toBe(0);
    expect(log).toEqual([expect.stringMatching(/stacks[/\\]retired is not a tenant of .*tenants \(another tenants folder, or a removed file\); left as is/)]);
    expect(log.join('\n')).not.toMatch(/destroy|delete/i);
  });
});

describe('the main job and local state', () => {
  const stack = (name: string) => path.join(work, 'out', 'stacks', name);

  it('points every local backend at state/<tenant>.tfstate beside the synth output', () => {
    expect(run(EXAMPLES)).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(stack('contoso'), 'cdk.tf.json'), 'utf8'));
    expect(json.terraform.backend.local.path).toBe('../../../state/contoso.tfstate');
    expect(path.resolve(stack('contoso'), json.terraform.backend.local.path)).toBe(path.join(work, 'state', 'contoso.tfstate'));
  });

  it('moves a state from the old place in the stack folder to state/, and says so in one line', () => {
    fs.mkdirSync(stack('contoso'), { recursive: true });
    fs.writeFileSync(path.join(stack('contoso'), 'terraform.contoso.tfstate'), '{"serial": 7}');
    expect(run(EXAMPLES)).toBe(0);
    expect(fs.readFileSync(path.join(work, 'state', 'contoso.tfstate'), 'utf8')).toBe('{"serial": 7}');
    expect(fs.existsSync(path.join(stack('contoso'), 'terraform.contoso.tfstate'))).toBe(false);
    expect(log).toEqual([expect.stringMatching(/^state: moved .*terraform\.contoso\.tfstate to .*state[/\\]contoso\.tfstate \(/)]);
  });

  it('moves the old state of a stack folder that is not in this synth too, before cdktf prunes it', () => {
    fs.mkdirSync(stack('alpha'), { recursive: true });
    fs.writeFileSync(path.join(stack('alpha'), 'terraform.alpha.tfstate'), '{"serial": 3}');
    expect(run(EXAMPLES)).toBe(0);
    expect(fs.readFileSync(path.join(work, 'state', 'alpha.tfstate'), 'utf8')).toBe('{"serial": 3}');
    expect(log[1]).toMatch(/stacks[/\\]alpha is not a tenant of .*; left as is, its local state stays in .*state[/\\]alpha\.tfstate$/);
  });
});

describe('the main job with a nested output directory', () => {
  it('creates the missing parent directories', () => {
    const outdir = path.join(work, 'deep', 'er', 'out');
    expect(synthTenants({ tenantsDir: EXAMPLES, outdir, log: (line) => log.push(line) })).toBe(0);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'contoso', 'cdk.tf.json'))).toBe(true);
  });
});
