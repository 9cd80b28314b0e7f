import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_YAML_DEPTH } from '../../../stacks/load-tenants';
import { MAX_TENANT_FILE_BYTES } from '../../../stacks/read-tenant-file';
import { synthTenants } from '../../../stacks/synth-tenants';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

/**
 * Bad-input corpus of the main job: each hostile tenant file sits beside a valid one, and the
 * job must end in one printable line per problem naming the file, exit 1, write nothing, and
 * show no stack trace. A hang (FIFO, /dev/zero) fails by the test's timeout.
 */

let work: string;
let tenantsDir: string;
let log: string[];
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-hostile-'));
  tenantsDir = path.join(work, 'tenants');
  fs.mkdirSync(tenantsDir);
  fs.writeFileSync(path.join(tenantsDir, 'good.yaml'), toYaml(ciscoTenant()));
  log = [];
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function runMainJob(): number {
  return synthTenants({ tenantsDir, outdir: path.join(work, 'out'), stateDir: path.join(work, 'state'), log: (line) => log.push(line) });
}

/** The contract every hostile case shares; returns the problem lines (without the summary). */
function expectRefusedInOneLine(file: string): string[] {
  expect(runMainJob()).toBe(1);
  expect(fs.existsSync(path.join(work, 'out'))).toBe(false);
  expect(fs.existsSync(path.join(work, 'state'))).toBe(false);
  for (const line of log) {
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).not.toMatch(/\bat .+:\d+:\d+\)?$|Error: .*\n/);
    expect(line.length).toBeLessThan(400);
  }
  const problems = log.slice(0, -1);
  expect(problems.length).toBeGreaterThan(0);
  for (const line of problems) expect(line.startsWith(`${path.join(tenantsDir, file)}: `)).toBe(true);
  expect(log[log.length - 1]).toMatch(/problem\(s\) in tenant files; nothing was synthesized\.$/);
  return problems;
}

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(tenantsDir, name), text);
}

describe('the loader refuses hostile YAML', () => {
  it('an alias bomb (billion laughs) is refused by the alias limit', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    write('bomb.yaml', `${levels.join('\n')}\n`);
    expect(expectRefusedInOneLine('bomb.yaml')).toEqual([expect.stringMatching(/: \(top level\): must expand at most \d+ aliases \(YAML alias limit/)]);
  });

  it.each([
    ['flow sequences', '['.repeat(200_000)],
    ['flow mappings', '{a: '.repeat(100_000)],
    ['block sequences on one line', `${'- '.repeat(100_000)}x\n`],
    ['indented mappings', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['nesting just over the limit', `${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n`],
  ])('deep nesting (%s) is refused by the depth limit', (_what, text) => {
    write('deep.yaml', text);
    expect(expectRefusedInOneLine('deep.yaml')).toEqual([expect.stringMatching(new RegExp(`: \\(top level\\): must nest at most ${MAX_YAML_DEPTH} levels`))]);
  });

  it('huge numbers end in a range error naming the field', () => {
    const tenant = pexipTenant();
    write('numbers.yaml', toYaml(tenant).replace('port: 5060', 'port: 1e400').replace('port: 5060', 'port: 18446744073709551617'));
    const problems = expectRefusedInOneLine('numbers.yaml');
    expect(problems.some((p) => /dns\.records\[0\]\.port: .*\(got Infinity\)$/.test(p))).toBe(true);
    expect(problems.some((p) => /dns\.records\[1\]\.port: .*\(got 18446744073709552000\)$/.test(p))).toBe(true);
  });

  it('ANSI escapes and NUL in a value are printed escaped', () => {
    write('ansi.yaml', toYaml(pexipTenant()).replace('name: contoso', 'name: "\\e[31mred\\0evil"'));
    const problems = expectRefusedInOneLine('ansi.yaml');
    expect(problems).toEqual([expect.stringContaining('tenant.name: ')]);
    expect(problems[0]).toContain('(got \\x1b[31mred\\x00evil)');
  });

  it('a file name with control characters is printed escaped', () => {
    write('evil\u001b[2J.yaml', 'tenant: [');
    expect(runMainJob()).toBe(1);
    expect(log[0]).toContain('evil\\x1b[2J.yaml: ');
    expect(log.join('')).not.toContain('\u001b');
  });
});

describe('the loader never echoes a secret pasted into a non-secret field', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
  const clientSecret = 'Qx8~kT2vN9pL4mR7sW1yZ3bC6dF0gH5jK8nP2qS';

  it.each([
    ['a JWT as the tenant key', 'tenantKey: teams@contoso.example', `tenantKey: ${jwt}`],
    ['a client secret as the TSIG key name', 'keyName: cvi-key.', `keyName: ${clientSecret}`],
    ['a base64 key as the tenant name', 'name: contoso', 'name: dHNpZy1zZWNyZXQtdmFsdWUtOTk='],
  ])('%s', (_what, from, to) => {
    write('pasted.yaml', toYaml(pexipTenant()).replace(from, to));
    const problems = expectRefusedInOneLine('pasted.yaml');
    expect(problems.join('\n')).toContain('(got a value that looks like a secret, not shown)');
    for (const secret of [jwt, clientSecret, 'dHNpZy1zZWNyZXQtdmFsdWUtOTk=']) expect(log.join('\n')).not.toContain(secret);
  });
});

describe('the loader reads regular files only', () => {
  it('a FIFO named *.yaml is refused without waiting for a writer', () => {
    execFileSync('mkfifo', [path.join(tenantsDir, 'pipe.yaml')]);
    expect(expectRefusedInOneLine('pipe.yaml')).toEqual([expect.stringMatching(/pipe\.yaml: \(file\): must be a regular file \(got a FIFO \(named pipe\)\)$/)]);
  });

  it('a symlink to /dev/zero is refused without reading it', () => {
    fs.symlinkSync('/dev/zero', path.join(tenantsDir, 'zero.yaml'));
    expect(expectRefusedInOneLine('zero.yaml')).toEqual([expect.stringMatching(/zero\.yaml: \(file\): must be a regular file \(got a character device\)$/)]);
  });

  it('a directory named *.yaml is refused', () => {
    fs.mkdirSync(path.join(tenantsDir, 'folder.yaml'));
    expect(expectRefusedInOneLine('folder.yaml')).toEqual([expect.stringMatching(/folder\.yaml: \(file\): must be a regular file \(got a directory\)$/)]);
  });

  it('a broken symlink is refused', () => {
    fs.symlinkSync(path.join(work, 'nowhere.yaml'), path.join(tenantsDir, 'broken.yaml'));
    expect(expectRefusedInOneLine('broken.yaml')).toEqual([expect.stringMatching(/broken\.yaml: \(file\): does not exist/)]);
  });

  it('a file over the size limit is refused before it is read', () => {
    const file = path.join(tenantsDir, 'huge.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_TENANT_FILE_BYTES + 1); // sparse: costs no disk
    expect(expectRefusedInOneLine('huge.yaml')).toEqual([expect.stringMatching(/huge\.yaml: \(file\): must be at most 4 MiB \(got 4194305 bytes or more\)$/)]);
  });

  it('a symlink to a regular tenant file is followed, inside or outside the folder', () => {
    const outside = path.join(work, 'shared');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'contoso.yaml'), toYaml(pexipTenant()));
    fs.symlinkSync(path.join(outside, 'contoso.yaml'), path.join(tenantsDir, 'contoso.yaml'));
    expect(runMainJob()).toBe(0);
    expect(fs.readdirSync(path.join(work, 'out', 'stacks')).sort()).toEqual(['contoso', 'northwind']);
  });
});

describe('the synth entry point (main.ts, as `npm run synth` runs it)', () => {
  it('ends in one line per hostile file, exit 1, no stack trace and nothing written', () => {
    execFileSync('mkfifo', [path.join(tenantsDir, 'pipe.yaml')]);
    write('deep.yaml', '['.repeat(300_000));
    write('ansi.yaml', toYaml(pexipTenant()).replace('name: contoso', 'name: "\\e[31mx\\0"'));
    const root = path.join(__dirname, '..', '..', '..');
    let status = 0;
    let stderr = '';
    let stdout = '';
    try {
      stdout = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'main.ts'], {
        cwd: root,
        env: { ...process.env, CVI_TENANTS_DIR: tenantsDir, CDKTF_OUTDIR: path.join(work, 'out'), CVI_STATE_DIR: path.join(work, 'state') },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      });
    } catch (error) {
      const failed = error as { status: number; stderr: string; stdout: string };
      ({ status, stderr, stdout } = failed);
    }

    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/ansi\.yaml: tenant\.name: .*\(got \\x1b\[31mx\\x00\)$/),
      expect.stringMatching(/deep\.yaml: \(top level\): must nest at most 32 levels \(YAML depth limit\)$/),
      expect.stringMatching(/pipe\.yaml: \(file\): must be a regular file \(got a FIFO \(named pipe\)\)$/),
      '3 problem(s) in tenant files; nothing was synthesized.',
    ]);
    expect(fs.existsSync(path.join(work, 'out'))).toBe(false);
  }, 60_000);
});
