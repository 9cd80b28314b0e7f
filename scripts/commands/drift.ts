/**
 * `cvi drift`: the nightly drift report of every tenant. Synth, then plan each stack a few at a
 * time; a table (or --json) and an exit code a pipeline can branch on.
 */
import * as path from 'path';
import { checkStack } from '../drift/check-stack';
import { readManifest, selectStacks } from '../drift/manifest';
import { DRIFT_USAGE, parseDriftOptions, DriftOptions } from '../drift/options';
import { mapWithConcurrency } from '../drift/pool';
import { exitCode, renderJson, renderTable } from '../drift/report';
import { outDir as defaultOutDir, projectRoot, terraformEnv } from '../project';
import { providerInstallReason } from '../provider-ready';
import { synth } from '../synth';

const progress = (line: string) => process.stderr.write(`drift: ${line}\n`);

/**
 * A run that checked nothing: the reason on stderr and, with --json, a report that says so, so a
 * pipeline reading stdout as JSON always gets JSON.
 */
function nothingChecked(json: boolean, message: string, detail = ''): 1 {
  process.stderr.write(`cvi drift: ${message}\n${detail ? `${detail.trim()}\n` : ''}`);
  if (json) process.stdout.write(`${JSON.stringify({ status: 'error', exitCode: 1, error: message, tenants: [] }, null, 2)}\n`);
  return 1;
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
  const root = projectRoot();
  const out = options.outDir ? path.resolve(options.outDir) : defaultOutDir(root);

  if (options.synth) {
    progress(`synthesizing tenant stacks into ${out}`);
    const result = await synth({ outDir: out, root });
    if (result.code !== 0) return nothingChecked(options.json, `synth failed (exit ${result.code}); nothing was checked`, result.stderr || result.stdout);
    // The synth's notes (a state moved out of the synth output, a stack folder of another tenants folder).
    const notes = `${result.stdout}${result.stderr}`.trim();
    if (notes) process.stderr.write(`${notes}\n`);
  }

  let stacks;
  try {
    stacks = selectStacks(readManifest(out), options.tenants);
  } catch (err) {
    return nothingChecked(options.json, (err as Error).message);
  }
  if (stacks.length === 0) return nothingChecked(options.json, `the synth output ${out} holds no tenant stacks; nothing to check`);

  const notReady = providerInstallReason(root);
  if (notReady) {
    // Not fatal: a stack without Teams objects still checks; the others will report init errors.
    progress(`warning: the cvi provider is not installed (${notReady}); run npm run provider:install`);
  }
  progress(`checking ${stacks.length} tenant(s), ${options.concurrency} at a time`);
  const env = terraformEnv(root);
  const reports = await mapWithConcurrency(stacks, options.concurrency, (stack) => checkStack(stack, { env, progress, timeoutSeconds: options.timeoutSeconds }));
  process.stdout.write(`${options.json ? renderJson(reports) : renderTable(reports)}\n`);
  return exitCode(reports);
}
