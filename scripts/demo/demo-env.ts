/**
 * The demo's environment: the emulator's token endpoint and API instead of Microsoft's, a demo
 * client secret, and scratch folders for tenants and synth output. Whatever Azure credentials the
 * user has in the environment are removed first, so the demo can never touch a real tenant.
 */
import { emulatorClientEnv, type RunningEmulator } from '../../emulator';
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './example-tenant';

export interface DemoFolders {
  readonly tenantsDir: string;
  readonly outDir: string;
}

export function demoEnv(base: NodeJS.ProcessEnv, emulator: RunningEmulator, folders: DemoFolders): NodeJS.ProcessEnv {
  // The user's own project settings (output folder, tenants folder, endpoint) stay out as well.
  const own: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!/^(CDKTF_OUTDIR$|CVI_)/.test(key)) own[key] = value;
  return {
    // Not a secret: the emulator's token endpoint accepts any non-empty client secret.
    ...emulatorClientEnv(emulator, own, { tenantId: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID, clientSecret: 'demo-client-secret' }),
    CVI_TEAMS_ENDPOINT: emulator.url,
    CVI_TENANTS_DIR: folders.tenantsDir,
    CDKTF_OUTDIR: folders.outDir,
  };
}
