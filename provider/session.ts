import type { TfObject } from './server/values';
export interface Session { tenantId: string }
export async function createSession(config: TfObject, _env: NodeJS.ProcessEnv, _signal: AbortSignal): Promise<Session> {
  return { tenantId: String(config.tenant_id) };
}
