/**
 * Constructor-time checks of the Teams constructs. Token-aware: a value that is an unresolved
 * cdktf token (a reference to another resource) is only known at apply time, so it is skipped
 * here and left to the provider. Each error names the construct, the prop, the rule and the value.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function known(value: unknown): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}

export function fail(scope: Construct, prop: string, rule: string, value: unknown): never {
  throw new Error(`${scope.node.path}: ${prop} ${rule}; got ${JSON.stringify(value)}`);
}

export function requireGuid(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && !GUID.test(value as string)) fail(scope, prop, 'must be a GUID (8-4-4-4-12 hex digits)', value);
}

export function requireDomain(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && !DOMAIN.test(value as string)) fail(scope, prop, 'must be a DNS domain name such as "example.com"', value);
}

export function requireNonEmpty(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && (value as string).trim() === '') fail(scope, prop, 'must not be empty', value);
}
