/** The stacks of a synth run, from cdktf.out/manifest.json (written by cdktf's App on synth). */
import * as fs from 'fs';
import * as path from 'path';

export interface SynthesizedStack {
  /** Stack name: the tenant. */
  readonly name: string;
  /** Absolute folder holding cdk.tf.json, where terraform runs. */
  readonly workingDirectory: string;
}

export function readManifest(outDir: string): SynthesizedStack[] {
  const file = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file}: not found; synth first (npm run synth)`);
  let manifest: { stacks?: Record<string, { name: string; workingDirectory: string }> };
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return Object.values(manifest.stacks ?? {})
    .map((s) => ({ name: s.name, workingDirectory: path.resolve(outDir, s.workingDirectory) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Keeps the named tenants; a name with no stack is an error that lists the stacks there are. */
export function selectStacks(stacks: SynthesizedStack[], tenants: readonly string[]): SynthesizedStack[] {
  if (tenants.length === 0) return stacks;
  const names = new Set(stacks.map((s) => s.name));
  const missing = tenants.filter((t) => !names.has(t));
  if (missing.length > 0) {
    const known = stacks.map((s) => s.name).join(', ') || '(none)';
    throw new Error(`--tenant ${missing.join(', ')}: no such stack in the synth output; stacks: ${known}`);
  }
  return stacks.filter((s) => tenants.includes(s.name));
}
