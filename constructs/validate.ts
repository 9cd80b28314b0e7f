/**
 * Constructor-time checks of the Teams constructs. Token-aware: a value that is an unresolved
 * cdktf token (a reference to another resource) is only known at apply time, so it is skipped
 * here and left to the provider. Each error names the construct, the prop, the rule and the value.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { isDomain } from '../domain/dns-names';
import { isGuid } from '../domain/identifiers';


export function known(value: unknown): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}

export function fail(scope: Construct, prop: string, rule: string, value: unknown): never {
  throw new Error(`${scope.node.path}: ${prop} ${rule}; got ${JSON.stringify(value)}`);
}

export function requireGuid(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && !isGuid(value as string)) fail(scope, prop, 'must be a GUID (8-4-4-4-12 hex digits)', value);
}

export function requireDomain(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && !isDomain(value as string)) fail(scope, prop, 'must be a DNS domain name such as "example.com"', value);
}

export function requireNonEmpty(scope: Construct, prop: string, value: string | undefined): void {
  if (known(value) && (value as string).trim() === '') fail(scope, prop, 'must not be empty', value);
}
