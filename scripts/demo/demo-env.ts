/**
 * The demo's environment: the emulator's token endpoint and API instead of Microsoft's, a demo
 * client secret, and scratch folders for tenants and synth output. Whatever Azure credentials the
 * user has in the environment are removed first, so the demo can never touch a real tenant.
 */
import type { RunningEmulator } from '../../emulator';
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './example-tenant';

export interface DemoFolders {
  readonly tenantsDir: string;
  readonly outDir: string;
}

export function demoEnv(base: NodeJS.ProcessEnv, emulator: RunningEmulator, folders: DemoFolders): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!/^(ARM_|AZURE_|TF_|CDKTF_OUTDIR$|CVI_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    ARM_TENANT_ID: DEMO_TENANT_ID,
    ARM_CLIENT_ID: DEMO_CLIENT_ID,
    // Not a secret: the emulator's token endpoint accepts any non-empty client secret.
    ARM_CLIENT_SECRET: 'demo-client-secret',
    ARM_AUTHORITY_HOST: emulator.authorityHost,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    CVI_TEAMS_ENDPOINT: emulator.url,
    CVI_TENANTS_DIR: folders.tenantsDir,
    CDKTF_OUTDIR: folders.outDir,
    // The emulator replicates at once: confirm writes and back off in tens of ms, not seconds.
    CVI_CONSISTENCY_INTERVAL_MS: '50',
    CVI_RETRY_BASE_DELAY_MS: '50',
    CHECKPOINT_DISABLE: '1',
  };
}
