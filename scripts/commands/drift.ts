/**
 * `cvi drift`: the nightly drift report of every tenant. Synth, then plan each stack a few at a
 * time and read the live Teams objects no stack declares; a table, JSON or markdown, and an exit
 * code a pipeline can branch on. `--shard` splits the tenants over CI jobs, `--merge` joins them.
 */
import * as path from 'path';
import { checkStack, initStack, UnmanagedCheck } from '../drift/check-stack';
import { readManifest, selectStacks, SynthesizedStack } from '../drift/manifest';
import { mergeReports, readReport } from '../drift/merge';
import { DRIFT_USAGE, parseDriftOptions, DriftOptions } from '../drift/options';
import { mapWithConcurrency } from '../drift/pool';
import { renderMarkdown } from '../drift/render-markdown';
import { renderTable } from '../drift/render-table';
import { buildReport, DriftReport, renderJson } from '../drift/report';
import { inShard } from '../drift/shard';
import { readStackConfig } from '../drift/stack-config';
import { withPluginCache } from '../drift/terraform-init';
import { findUnmanaged } from '../drift/unmanaged';
import { createReader } from '../drift/unmanaged-reader';
import { outDir as defaultOutDir, projectRoot, terraformEnv } from '../project';
import { providerInstallReason } from '../provider-ready';
import { synth } from '../synth';

const progress = (line: string) => process.stderr.write(`drift: ${line}\n`);

function print(report: DriftReport, options: DriftOptions): number {
  const text = options.format === 'json' ? renderJson(report) : options.format === 'markdown' ? renderMarkdown(report) : renderTable(report);
  process.stdout.write(`${text}\n`);
  return report.exitCode;
}

/**
 * A run that checked nothing: the reason on stderr and, with --json or --markdown, a report that
 * says so (with its shard, so a merge knows which shard failed), so stdout always holds a report.
 */
function nothingChecked(options: DriftOptions, message: string, detail = ''): 1 {
  process.stderr.write(`cvi drift: ${message}\n${detail ? `${detail.trim()}\n` : ''}`);
  if (options.format !== 'table') print(buildReport([], { unmanagedChecked: !options.ignoreUnmanaged, shard: options.shard, error: message }), options);
  return 1;
}

function merge(files: readonly string[], options: DriftOptions): number {
  let inputs;
  try {
    inputs = files.map((file) => ({ file, report: readReport(file) }));
  } catch (err) {
    return nothingChecked(options, (err as Error).message);
  }
  return print(mergeReports(inputs), options);
}

/** Live objects no stack declares, read with the credentials Terraform gets (ARM_* in env). */
function unmanagedCheck(env: NodeJS.ProcessEnv): UnmanagedCheck {
  return (stack, config, warn) => {
    if (!config.teams) return undefined;
    const teams = config.teams;
    return (async () => {
      const tenantId = config.connection?.tenantId ?? config.tenantId ?? env.ARM_TENANT_ID ?? env.AZURE_TENANT_ID;
      if (!tenantId) throw new Error(`stack ${stack.name} names no tenant id and ARM_TENANT_ID is not set`);
      const { reader, close } = await createReader(tenantId, env, config.connection, {}, warn);
      try {
        return await findUnmanaged(teams, reader);
      } finally {
        close();
      }
    })();
  };
}

/**
 * Inits one stack of each provider set alone before the pool starts: Terraform's plugin cache
 * is not safe for concurrent writers, but concurrent readers of a warm cache are fine.
 */
async function warmPluginCache(stacks: readonly SynthesizedStack[], env: NodeJS.ProcessEnv, timeoutSeconds: number): Promise<void> {
  const seen = new Set<string>();
  for (const stack of stacks) {
    let config;
    try {
      config = readStackConfig(stack.workingDirectory, stack.name);
    } catch {
      continue; // reported by the stack's own check
    }
    if (seen.has(config.providerSet)) continue;
    seen.add(config.providerSet);
    await initStack(stack, config, { env, progress, timeoutSeconds });
  }
}

export async function run(args: string[]): Promise<number> {
  let options: DriftOptions;
  try {
    options = parseDriftOptions(args);
  } catch (err) {
    process.stderr.write(`cvi drift: ${(err as Error).message}\n\n${DRIFT_USAGE}\n`);
    return 1;
  }
  if (options.help) {
    process.stdout.write(`${DRIFT_USAGE}\n`);
    return 0;
  }
  if (options.merge) return merge(options.merge, options);
  const root = projectRoot();
  const out = options.outDir ? path.resolve(options.outDir) : defaultOutDir(root);

  if (options.synth) {
    progress(`synthesizing tenant stacks into ${out}`);
    const result = await synth({ outDir: out, root });
    if (result.code !== 0) return nothingChecked(options, `synth failed (exit ${result.code}); nothing was checked`, result.stderr || result.stdout);
    // The synth's notes (a state moved out of the synth output, a stack folder of another tenants folder).
    const notes = `${result.stdout}${result.stderr}`.trim();
    if (notes) process.stderr.write(`${notes}\n`);
  }

  let all;
  try {
    all = selectStacks(readManifest(out), options.tenants);
  } catch (err) {
    return nothingChecked(options, (err as Error).message);
  }
  if (all.length === 0) return nothingChecked(options, `the synth output ${out} holds no tenant stacks; nothing to check`);
  const stacks = inShard(all, options.shard);

  const notReady = providerInstallReason(root);
  if (notReady) {
    // Not fatal: a stack without Teams objects still checks; the others will report init errors.
    progress(`warning: the cvi provider is not installed (${notReady}); run npm run provider:install`);
  }
  const shard = options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${all.length})` : '';
  progress(`checking ${stacks.length} tenant(s)${shard}, ${options.concurrency} at a time`);
  const env = withPluginCache(terraformEnv(root), root);
  await warmPluginCache(stacks, env, options.timeoutSeconds);
  const unmanaged = options.ignoreUnmanaged ? undefined : unmanagedCheck(process.env);
  const reports = await mapWithConcurrency(stacks, options.concurrency, (stack) =>
    checkStack(stack, { env, progress, timeoutSeconds: options.timeoutSeconds, unmanaged }),
  );
  return print(buildReport(reports, { unmanagedChecked: !options.ignoreUnmanaged, shard: options.shard }), options);
}
