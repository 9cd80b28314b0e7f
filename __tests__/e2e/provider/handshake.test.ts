/** The launcher in the mirror, started by hand rather than by Terraform. */
import { spawn } from 'node:child_process';
import { providerLayout } from '../../../scripts/install-provider';
import { requireTerraform, TERRAFORM_MISSING } from '../../../testing/terraform';

function startByHand(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const child = spawn(providerLayout().launcher, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the cvi provider started without Terraform', () => {
  it('explains that Terraform runs it, prints nothing on stdout and exits 1', async () => {
    const result = await startByHand();

    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('This is the "cvi" Terraform provider');
    expect(result.stderr).toContain('TF_CLI_CONFIG_FILE');
  });
});

describe('the end-to-end tests on a machine without terraform', () => {
  it('fail with a message that says how to install it', () => {
    expect(() => requireTerraform({ ...process.env, PATH: '/nonexistent' })).toThrow(TERRAFORM_MISSING);
    expect(TERRAFORM_MISSING).toContain('https://developer.hashicorp.com/terraform/install');
  });

  it('find the terraform on PATH here', () => {
    expect(requireTerraform()).toMatch(/^Terraform v\d+\.\d+/);
  });
});
