/**
 * Provider logs go to stderr as hclog JSON lines: Terraform's plugin client parses them and
 * shows them, at their level, under TF_LOG / TF_LOG_PROVIDER. stdout belongs to the handshake.
 * Never log a secret: callers pass messages, not request objects.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export function log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
  const line = { '@level': level, '@message': message, '@module': 'cvi', '@timestamp': new Date().toISOString(), ...fields };
  process.stderr.write(JSON.stringify(line) + '\n');
}
