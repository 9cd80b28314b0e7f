/**
 * A synth output folder of small stacks made of Terraform's built-in `terraform_data` resource,
 * shaped like cdktf's (manifest.json + stacks/<name>/cdk.tf.json): real terraform init/plan/apply
 * with no provider download, so drift's orchestration is tested against the real binary.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';

export interface StackSpec {
  /** Values of the stack's terraform_data resources, by resource name. */
  readonly inputs: Record<string, string>;
}

export class TerraformDataOutDir {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-drift-test-'));

  constructor(stacks: Record<string, StackSpec>) {
    const manifest: Record<string, object> = {};
    for (const [name, spec] of Object.entries(stacks)) {
      manifest[name] = { name, workingDirectory: path.join('stacks', name), synthesizedStackPath: path.join('stacks', name, 'cdk.tf.json') };
      this.write(name, spec);
    }
    fs.writeFileSync(path.join(this.dir, 'manifest.json'), JSON.stringify({ version: 'test', stacks: manifest }, null, 2));
  }

  stackDir(name: string): string {
    return path.join(this.dir, 'stacks', name);
  }

  /** Writes (or rewrites) a stack's configuration: rewriting after apply is how a test makes drift. */
  write(name: string, spec: StackSpec): void {
    const resources = Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [k, { input: v }]));
    fs.mkdirSync(this.stackDir(name), { recursive: true });
    fs.writeFileSync(path.join(this.stackDir(name), 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: resources } }, null, 2));
  }

  /** Breaks a stack so that terraform init fails (an unknown provider source). */
  breakStack(name: string): void {
    fs.writeFileSync(
      path.join(this.stackDir(name), 'cdk.tf.json'),
      JSON.stringify({ terraform: { required_providers: { nowhere: { source: 'terraform.local/none/nowhere', version: '9.9.9' } } } }),
    );
  }

  apply(name: string): void {
    const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
    const opts = { cwd: this.stackDir(name), env, stdio: 'pipe' as const };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], opts);
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], opts);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
