/**
 * An apply interrupted while a create is in flight, with the real terraform: Ctrl-C (SIGINT to
 * terraform's process group), terraform SIGKILLed, the provider process SIGKILLed, and
 * replication lag longer than operation_timeout_seconds. In every case the next apply converges
 * with no manual import, and the service saw one create of the object (applied POSTs counted in
 * the emulator's request log). The create is held in flight by an injected latency, and each
 * interruption waits until the emulator has received it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';
import type { TerraformResult } from '../../../testing/terraform';

const PROVIDERS = '/Skype.Policy/configurations/VideoInteropServiceProvider';
const singleLine = (text: string) => text.replace(/\s+/g, ' ');

interface Running {
  child: ChildProcess;
  done: Promise<TerraformResult>;
}

/** terraform in its own process group, as a terminal runs it (Ctrl-C reaches the whole group). */
function startTerraform(ws: TerraformWorkspace, ...args: string[]): Running {
  const [command, ...rest] = args;
  const child = spawn('terraform', [command, '-no-color', ...rest], { cwd: ws.dir, env: ws.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<TerraformResult>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr, output: `${stdout}\n${stderr}` })));
  return { child, done };
}

async function until(what: string, condition: () => boolean, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Our provider processes serving this workspace: node running cvi-provider.js with the workspace as working directory. */
function providerPids(dir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cvi-provider.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

const createsApplied = (emulator: RunningEmulator) => emulator.log.writes().filter((w) => w.method === 'POST' && w.route === PROVIDERS).length;

describe('an apply interrupted while the provider create is in flight', () => {
  let emulator: RunningEmulator;
  const workspaces: TerraformWorkspace[] = [];

  beforeAll(async () => {
    // The tenant-wide grant's candidate read on, so the adoption rule can see that grant.
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
  });

  afterAll(async () => {
    workspaces.forEach((ws) => ws.remove());
    await emulator?.stop();
  });

  /**
   * A stack of one provider in its own tenant, initialised. `hold` keeps its create in flight:
   * `latency` holds the POST 3 s before the service applies it; `lag` lets the service apply it
   * and hides it from reads for 10 s, so the provider waits for its replicas. `arrived` is true
   * once the create is where the interruption should catch it.
   */
  async function story(tenantId: string, hold: 'latency' | 'lag', env: NodeJS.ProcessEnv = {}): Promise<{ ws: TerraformWorkspace; arrived: () => boolean }> {
    const ws = await TerraformWorkspace.create({ emulator, tenantId, name: 'cvi-interrupt', env });
    workspaces.push(ws);
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: 'teams@contoso.com' } } }));
    await ws.terraform('init');
    if (hold === 'lag') {
      emulator.faults.add({ kind: 'replicationLag', route: `POST ${PROVIDERS}`, tenant: tenantId, ms: 10_000, times: 1 });
      return { ws, arrived: () => createsApplied(emulator) === 1 };
    }
    const id = emulator.faults.add({ kind: 'latency', route: `POST ${PROVIDERS}`, tenant: tenantId, ms: 3_000, times: 1 });
    // A fault that fired its last time leaves the list: the create has reached the service.
    return { ws, arrived: () => !emulator.faults.list().some((f) => f.id === id) };
  }

  /** Whether the service's replicas show the provider (the lag of a `lag` story is over). */
  const replicated = (tenantId: string) => () =>
    (emulator.tenant(tenantId) as unknown as { readServiceProviders(now: number): { Identity: string }[] }).readServiceProviders(Date.now()).some((p) => p.Identity === 'Pexip');

  /** The next apply adopts the object, creates nothing, and leaves a clean plan and no in-flight note. */
  async function nextApplyAdopts(ws: TerraformWorkspace): Promise<void> {
    const next = singleLine((await ws.terraform('apply', '-auto-approve')).output);
    expect(next).toContain('Warning: Adopted provider Pexip');
    expect(createsApplied(emulator)).toBe(1);
    const plan = await ws.run('plan', '-detailed-exitcode');
    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
    const notes = join(ws.dir, '.terraform', 'cvi-in-flight');
    expect(existsSync(notes) ? readdirSync(notes) : []).toEqual([]);
  }

  it('(a) Ctrl-C: the create finishes within the grace period and is recorded; the next apply has nothing to do', async () => {
    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000a001';
    const { ws, arrived } = await story(tenantId, 'latency');
    emulator.log.reset();

    const run = startTerraform(ws, 'apply', '-auto-approve');
    await until('the create to reach the service', arrived);
    process.kill(-run.child.pid!, 'SIGINT');
    const interrupted = await run.done;

    expect(interrupted.code).not.toBe(0);
    expect((await ws.state()).values?.root_module?.resources?.map((r) => r.address)).toEqual(['cvi_video_interop_service_provider.pexip']);
    const next = await ws.run('apply', '-auto-approve');
    expect(singleLine(next.stdout)).toContain('Apply complete! Resources: 0 added, 0 changed, 0 destroyed.');
    expect(createsApplied(emulator)).toBe(1);
  }, 120_000);

  it('(a) Ctrl-C with no grace: the error names the object and what became of it, and the next apply adopts it', async () => {
    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000a002';
    const { ws, arrived } = await story(tenantId, 'lag', { CVI_STOP_GRACE_MS: '0', CVI_READBACK_MS: '0' });
    emulator.log.reset();

    const run = startTerraform(ws, 'apply', '-auto-approve');
    await until('the create to be applied', arrived);
    process.kill(-run.child.pid!, 'SIGINT');
    const interrupted = await run.done;

    expect(interrupted.code).not.toBe(0);
    const text = singleLine(interrupted.stderr);
    expect(text).toContain(`tenant ${tenantId}: the create of cvi_video_interop_service_provider Pexip ended without an answer (stopped by Terraform (interrupt) after a 0 ms grace period)`);
    expect(text).toContain('If it appears later (replicas lag), the next apply adopts it: ');
    await until('the replicas to catch up', replicated(tenantId));
    await nextApplyAdopts(ws);
  }, 120_000);

  it('(b) terraform SIGKILLed: the provider finishes the create and exits, and the next apply adopts the object', async () => {
    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000b001';
    const { ws, arrived } = await story(tenantId, 'latency', { CVI_STOP_GRACE_MS: '5000' });
    emulator.log.reset();

    const run = startTerraform(ws, 'apply', '-auto-approve');
    await until('the create to reach the service', arrived);
    const providers = providerPids(ws.dir);
    expect(providers.length).toBeGreaterThan(0);
    process.kill(run.child.pid!, 'SIGKILL');
    await run.done;

    await until('the create held in flight to land', () => createsApplied(emulator) === 1);
    await until('the orphaned provider to exit', () => providers.every((pid) => !existsSync(`/proc/${pid}`)));
    await nextApplyAdopts(ws);
  }, 120_000);

  it('(b) terraform SIGKILLed during a tenant-wide grant: the next apply adopts the grant instead of refusing it', async () => {
    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000b002';
    const ws = await TerraformWorkspace.create({ emulator, tenantId, name: 'cvi-interrupt-grant', env: { CVI_STOP_GRACE_MS: '5000' } });
    workspaces.push(ws);
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_video_interop_policy_assignment: { everyone: { policy_name: 'PexipServiceProviderEnabled', global: true } } }));
    await ws.terraform('init');
    const id = emulator.faults.add({ kind: 'latency', route: 'PATCH /Skype.Policy/tenants/policies/{policyType}', tenant: tenantId, ms: 3_000, times: 1 });

    const run = startTerraform(ws, 'apply', '-auto-approve');
    await until('the grant to reach the service', () => !emulator.faults.list().some((f) => f.id === id));
    const providers = providerPids(ws.dir);
    process.kill(run.child.pid!, 'SIGKILL');
    await run.done;

    await until('the grant held in flight to land', () => emulator.tenant(tenantId).getTenantPolicy() === 'PexipServiceProviderEnabled');
    await until('the orphaned provider to exit', () => providers.every((pid) => !existsSync(`/proc/${pid}`)));
    const next = singleLine((await ws.terraform('apply', '-auto-approve')).output);
    expect(next).toContain('Warning: Adopted the tenant-wide grant of PexipServiceProviderEnabled');
    const plan = await ws.run('plan', '-detailed-exitcode');
    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
  }, 120_000);

  it('(c) the provider SIGKILLed while it waits for replicas: the next apply adopts what its create wrote', async () => {
    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000c001';
    const { ws, arrived } = await story(tenantId, 'lag');
    emulator.log.reset();

    const run = startTerraform(ws, 'apply', '-auto-approve');
    await until('the create to be applied', arrived);
    const providers = providerPids(ws.dir);
    expect(providers.length).toBeGreaterThan(0);
    providers.forEach((pid) => process.kill(pid, 'SIGKILL'));
    const failed = await run.done;

    expect(failed.code).not.toBe(0);
    await until('the replicas to catch up', replicated(tenantId));
    await nextApplyAdopts(ws);
  }, 120_000);

  it('(d) replication lag past operation_timeout_seconds: the apply fails naming the object, and the next one adopts it', async () => {    const tenantId = 'aaaaaaaa-0000-4000-8000-00000000d001';
    const ws = await TerraformWorkspace.create({ emulator, tenantId, name: 'cvi-interrupt-lag', env: { CVI_READBACK_MS: '500' } });
    workspaces.push(ws);
    ws.writeJson(
      'main.tf.json',
      cviConfig({ endpoint: emulator.url, operation_timeout_seconds: 4 }, { cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: 'teams@contoso.com' } } }),
    );
    await ws.terraform('init');
    emulator.faults.add({ kind: 'replicationLag', route: `POST ${PROVIDERS}`, tenant: tenantId, ms: 10_000, times: 1 });
    emulator.log.reset();

    const first = await ws.run('apply', '-auto-approve');

    expect(first.code).toBe(1);
    expect(singleLine(first.stderr)).toContain(`tenant ${tenantId}: the create of cvi_video_interop_service_provider Pexip ended without an answer`);
    await until('the replicas to catch up', replicated(tenantId));
    await nextApplyAdopts(ws);
  }, 120_000);
});
