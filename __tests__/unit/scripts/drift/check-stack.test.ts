import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkStack, errorExcerpt } from '../../../../scripts/drift/check-stack';

describe('one stack check', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-check-stack-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a terraform that hangs is stopped after the timeout and the tenant reported as an error', async () => {
    const hanging = path.join(dir, 'terraform-hangs');
    fs.writeFileSync(hanging, '#!/bin/sh\n# a child that outlives a stopped parent still holds the output pipes\nsleep 5 &\nwait\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    const report = await checkStack({ name: 'slow', workingDirectory: dir }, { env: process.env, terraform: hanging, timeoutSeconds: 1 });
    expect(report.status).toBe('error');
    expect(report.error).toBe('terraform init did not finish in time and was stopped (raise --timeout if this stack is slow)');
  });

  test('a terraform that cannot be started is reported as an error, not thrown', async () => {
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    const report = await checkStack({ name: 'x', workingDirectory: dir }, { env: process.env, terraform: path.join(dir, 'no-such-terraform') });
    expect(report.status).toBe('error');
    expect(report.error).toMatch(/^terraform init did not run/);
  });

  test('a stack initialised for the same providers is not initialised again; a changed provider set is', async () => {
    const log = path.join(dir, 'calls.log');
    const fake = path.join(dir, 'terraform-fake');
    // Records each command; init leaves what a real init leaves; plan finds no changes.
    fs.writeFileSync(fake, `#!/bin/sh\necho "$1" >> ${log}\nif [ "$1" = init ]; then mkdir -p .terraform && touch .terraform.lock.hcl; fi\nexit 0\n`, { mode: 0o755 });
    const stackDir = path.join(dir, 'stack');
    fs.mkdirSync(stackDir);
    const write = (version: string) =>
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify({ terraform: { required_providers: { dns: { source: 'hashicorp/dns', version } } } }));
    write('3.4.0');
    const check = () => checkStack({ name: 'x', workingDirectory: stackDir }, { env: process.env, terraform: fake });
    for (let i = 0; i < 2; i++) expect((await check()).status).toBe('in-sync');
    write('3.4.3');
    await check();
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['init', 'plan', 'plan', 'init', 'plan']);
  });

  describe('with Teams objects declared', () => {
    let stackDir: string;
    let fake: string;
    beforeAll(() => {
      stackDir = path.join(dir, 'teams-stack');
      fs.mkdirSync(stackDir);
      const config = {
        provider: { cvi: [{ tenant_id: 'a1a1a1a1-0000-4000-8000-00000000a1fa' }] },
        resource: { cvi_video_interop_service_provider: { p: { identity: 'Pexip', tenant_key: 'teams@alpha.example' } } },
      };
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(config));
      fake = path.join(dir, 'terraform-in-sync');
      fs.writeFileSync(fake, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    });
    const stack = () => ({ name: 'alpha', workingDirectory: stackDir });
    const cisco = { kind: 'service-provider' as const, object: 'Cisco', detail: 'service provider Cisco (tenant key x) is not in the stack' };

    test('a plan in sync with an unmanaged object reports the tenant as unmanaged, with its tenant id', async () => {
      const report = await checkStack(stack(), { env: process.env, terraform: fake, unmanaged: () => Promise.resolve([cisco]) });
      expect(report).toMatchObject({ status: 'unmanaged', tenantId: 'a1a1a1a1-0000-4000-8000-00000000a1fa', unmanaged: [cisco] });
    });

    test('the check is given what the stack declares', async () => {
      const seen: unknown[] = [];
      await checkStack(stack(), { env: process.env, terraform: fake, unmanaged: (_s, config) => (seen.push(config.teams), Promise.resolve([])) });
      expect(seen).toEqual([{ serviceProviders: ['Pexip'], assignments: [], federationDomains: [] }]);
    });

    test('a failing unmanaged check makes the tenant an error, never in sync', async () => {
      const report = await checkStack(stack(), { env: process.env, terraform: fake, unmanaged: () => Promise.reject(new Error('teams api answered 403')) });
      expect(report).toMatchObject({ status: 'error', error: 'unmanaged objects not checked: teams api answered 403' });
    });
  });

  test('a stack folder that is gone is reported as an error that says to synth again', async () => {
    const report = await checkStack({ name: 'gone', workingDirectory: path.join(dir, 'gone') }, { env: process.env });
    expect(report.error).toMatch(/does not exist; synth again/);
  });
});

describe('error excerpt', () => {
  test("keeps Terraform's error from its first Error: line, without box drawing", () => {
    const stderr = 'noise\n╷\n│ Error: teams api answered 403\n│ \n│ tenant t: provider Pexip: forbidden\n╵\n';
    expect(errorExcerpt({ code: 1, stdout: '', stderr }, 'terraform plan')).toBe(
      'terraform plan exited 1\nError: teams api answered 403\ntenant t: provider Pexip: forbidden',
    );
  });
});

describe('error excerpt sources', () => {
  test('leaves out source context lines and the progress lines of stdout', () => {
    const stderr = 'Error: Could not read the object\n  with cvi_x.y,\n  on cdk.tf.json line 52, in resource.cvi_x.y:\n  52:       }\ntenant t: forbidden\n';
    const stdout = 'cvi_x.y: Refreshing state... [id=Pexip]\n';
    expect(errorExcerpt({ code: 1, stdout, stderr }, 'terraform plan')).toBe('terraform plan exited 1\nError: Could not read the object\n  with cvi_x.y,\ntenant t: forbidden');
  });
});
