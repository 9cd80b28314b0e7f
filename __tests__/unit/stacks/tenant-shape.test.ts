/**
 * One tenant, one shape: the props of CviTenant (hand-written, documented for construct users)
 * and the tenant file schema (zod) describe the same sections and fields. Checked by the
 * compiler in both directions: every validated tenant file is valid props, and props hold no
 * field a tenant file cannot express. `npm test` type-checks this file; a drift between the two
 * fails the type check, and the runtime test below fails on the example tenants.
 */
import type { CviTenantProps } from '../../../constructs/tenant/tenant-props';
import type { TenantFile } from '../../../stacks/schema/tenant-file';
import { loadTenants } from '../../../stacks';
import { join } from 'node:path';

/** Props without the Terraform wiring that a tenant file does not carry. */
type TenantSections = Omit<CviTenantProps, 'providers' | 'teamsEndpoint'>;

type Mutable<T> = T extends readonly (infer E)[] ? Mutable<E>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
/** A fits B (ignoring readonly, which zod does not produce). */
type Fits<A, B> = [Mutable<A>] extends [Mutable<B>] ? true : false;

/** Every field path of T, e.g. "dns.rfc2136.keyName" and "dns.records[].port". */
type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type Paths<T, P extends string = ''> = T extends Primitive
  ? never
  : T extends readonly (infer E)[]
    ? Paths<E, `${P}[]`>
    : { [K in keyof T & string]-?: `${P}${K}` | Paths<NonNullable<T[K]>, `${P}${K}.`> }[keyof T & string];
/** Field paths of A that B lacks (never when none). */
type Missing<A, B> = Exclude<Paths<A>, Paths<B>>;

// Every validated tenant file is valid props (values and all).
const fileIsProps: Fits<TenantFile, TenantSections> = true;
// The same fields both ways: a field added to one and not the other names itself here.
const noFieldOnlyInProps: [Missing<TenantSections, TenantFile>] extends [never] ? true : Missing<TenantSections, TenantFile> = true;
// The backend belongs to the stack (TenantStack), not to CviTenant.
type FileSections = Omit<TenantFile, 'backend'>;
const noFieldOnlyInFile: [Missing<FileSections, TenantSections>] extends [never] ? true : Missing<FileSections, TenantSections> = true;

describe('the tenant shape', () => {
  test('the compiler accepts every tenant file as props, and both have the same fields', () => {
    expect([fileIsProps, noFieldOnlyInProps, noFieldOnlyInFile]).toEqual([true, true, true]);
  });

  test('every example tenant loads into a value typed as CviTenant props', () => {
    const { tenants, problems } = loadTenants(join(__dirname, '..', '..', '..', 'tenants'));
    expect(problems).toEqual([]);
    const props: TenantSections[] = tenants.map((t) => t.config);
    expect(props.map((p) => p.tenant.name).sort()).toEqual(tenants.map((t) => t.config.tenant.name).sort());
    expect(props.length).toBeGreaterThanOrEqual(4);
  });
});
