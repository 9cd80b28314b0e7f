/**
 * The environment that points our Teams client, the cvi provider and Terraform at a running
 * emulator: sign-in the real way (client secret against its token endpoint, trusted through its
 * CA) and short consistency and retry intervals, since it replicates in milliseconds. Azure and
 * Terraform settings of the caller's environment are dropped first, so nothing started with it
 * can reach a real tenant. The one definition behind the demo, the tests and the benchmarks.
 */
export interface EmulatorClient {
  readonly tenantId: string;
  readonly clientId: string;
  /** Any non-empty value: the emulator's token endpoint accepts every client secret. */
  readonly clientSecret: string;
}

/** Variables never carried over from the caller: they could point at a real tenant or backend. */
const DROPPED = /^(ARM_|AZURE_|TF_)/;

export function emulatorClientEnv(
  /** A running emulator: its token endpoint (authority host) and the CA file that trusts it. */
  emulator: { readonly authorityHost: string; readonly caCertPath: string },
  base: NodeJS.ProcessEnv,
  client: EmulatorClient,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!DROPPED.test(key)) env[key] = value;
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    ARM_TENANT_ID: client.tenantId,
    ARM_CLIENT_ID: client.clientId,
    ARM_CLIENT_SECRET: client.clientSecret,
    ARM_AUTHORITY_HOST: emulator.authorityHost,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    CVI_CONSISTENCY_INTERVAL_MS: '50',
    CVI_RETRY_BASE_DELAY_MS: '50',
  };
}
