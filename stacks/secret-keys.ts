import { formatPath } from './field-path';

/**
 * Secrets never live in tenant files (they end up in git, in synthesized JSON and in state).
 * A key that looks like one is reported with the environment variable to use instead; the value
 * itself is never echoed.
 */

const SECRET_KEY = /secret|passw|passphrase|token|accesskey|access_key|privatekey|private_key|apikey|api_key|credential|connectionstring/i;

/** Environment variables the providers and backends read, by the key a user might have written. */
const ENV_FOR_KEY: ReadonlyArray<[RegExp, string]> = [
  [/keysecret|tsig/i, 'DNS_UPDATE_KEYSECRET'],
  [/clientsecret|client_secret/i, 'ARM_CLIENT_SECRET'],
  [/certificatepassword/i, 'ARM_CLIENT_CERTIFICATE_PASSWORD'],
  [/accesskey|access_key/i, 'ARM_ACCESS_KEY'],
  [/sastoken|sas_token/i, 'ARM_SAS_TOKEN'],
  [/oidctoken|oidc_token/i, 'ARM_OIDC_TOKEN'],
];

export interface SecretKey {
  readonly path: (string | number)[];
  readonly envVar?: string;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function envVarFor(key: string, path: readonly (string | number)[]): string | undefined {
  const found = ENV_FOR_KEY.find(([pattern]) => pattern.test(key))?.[1];
  if (found) return found;
  // In the dns section any secret is the TSIG key; elsewhere we cannot guess.
  return path[0] === 'dns' ? 'DNS_UPDATE_KEYSECRET' : undefined;
}

/** Every secret-looking key in a parsed YAML document, depth first. */
export function findSecretKeys(value: unknown, path: (string | number)[] = []): SecretKey[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretKeys(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    isSecretKey(key)
      ? [{ path: [...path, key], envVar: envVarFor(key, path) }]
      : findSecretKeys(child, [...path, key]),
  );
}

export function secretKeyMessage(file: string, secret: SecretKey): string {
  const where = secret.envVar
    ? `set ${secret.envVar} in the environment instead`
    : 'pass it through an environment variable instead (README: Secrets)';
  return `${file}: ${formatPath(secret.path)}: secrets never go in tenant files; remove it and ${where}`;
}

/** A copy of `value` without the given keys, so the schema does not report them a second time. */
export function withoutKeys(value: unknown, secrets: readonly SecretKey[]): unknown {
  const copy = structuredClone(value);
  for (const { path } of secrets) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
    delete (node as Record<string | number, unknown>)[path[path.length - 1]];
  }
  return copy;
}
