/**
 * The import ids of the cvi resources (domain/import-ids.ts): every form the provider takes
 * parses to its typed value, every malformed id gets the provider's message, and what the
 * writers (the provider's id attribute and adoption hints, `cvi export`, the constructs) format
 * parses back to the same value.
 */
import fc from 'fast-check';
import {
  formatFederationDomainImportId,
  formatPolicyAssignmentImportId,
  formatServiceProviderImportId,
  parseFederationDomainImportId,
  parsePolicyAssignmentImportId,
  parseServiceProviderImportId,
  type PolicyAssignmentImportId,
} from '../../../domain';

const GROUP = '6a0f7c2e-1111-4222-8333-944455556666';

describe('policy assignment import ids', () => {
  it.each<[string, PolicyAssignmentImportId]>([
    ['global', { scope: 'global' }],
    ['global/PexipServiceProviderEnabled', { scope: 'global', policyName: 'PexipServiceProviderEnabled' }],
    [`group/${GROUP}`, { scope: 'group', groupId: GROUP }],
    ['users/PexipServiceProviderEnabled', { scope: 'users', policyName: 'PexipServiceProviderEnabled', users: [] }],
    ['users/PexipServiceProviderEnabled/alice@contoso.com,bob@contoso.com', { scope: 'users', policyName: 'PexipServiceProviderEnabled', users: ['alice@contoso.com', 'bob@contoso.com'] }],
    // Spaces around the named users and empty names between commas are dropped, as the provider always did.
    ['users/P/ alice@contoso.com , ,bob@contoso.com', { scope: 'users', policyName: 'P', users: ['alice@contoso.com', 'bob@contoso.com'] }],
    ['users/P/ , ', { scope: 'users', policyName: 'P', users: [] }],
  ])('reads %j', (id, value) => {
    expect(parsePolicyAssignmentImportId(id)).toEqual({ ok: true, value });
  });

  it.each(['', 'foo', 'Global', ' global', 'global/', 'global/a/b', 'group', 'group/', 'group/not-a-guid', 'users', 'users/', 'users/P/', 'users//alice@contoso.com', 'GROUP/x'])(
    'refuses %j with the forms and the id',
    (id) => {
      expect(parsePolicyAssignmentImportId(id)).toEqual({
        ok: false,
        problem: `the import id must be "global", "group/<group object id>" or "users/<policy name>"; got "${id}"`,
      });
    },
  );

  it('writes each form as the provider and the tenant file take it', () => {
    expect(formatPolicyAssignmentImportId({ scope: 'global' })).toBe('global');
    expect(formatPolicyAssignmentImportId({ scope: 'global', policyName: 'PexipServiceProviderEnabled' })).toBe('global/PexipServiceProviderEnabled');
    expect(formatPolicyAssignmentImportId({ scope: 'group', groupId: GROUP })).toBe(`group/${GROUP}`);
    expect(formatPolicyAssignmentImportId({ scope: 'users', policyName: 'P', users: [] })).toBe('users/P');
    expect(formatPolicyAssignmentImportId({ scope: 'users', policyName: 'P', users: ['a@contoso.com', 'b@contoso.com'] })).toBe('users/P/a@contoso.com,b@contoso.com');
  });

  // Names as Terraform's command line passes them: one line; a policy name is one path segment.
  const lineText = (excluded: string) => fc.string({ minLength: 1 }).filter((s) => !/[\n\r\u2028\u2029]/.test(s) && ![...excluded].some((c) => s.includes(c)));
  const user = lineText(',').filter((u) => u.trim() === u && u !== '');
  const ids: fc.Arbitrary<PolicyAssignmentImportId> = fc.oneof(
    fc.constant<PolicyAssignmentImportId>({ scope: 'global' }),
    lineText('/').map((policyName): PolicyAssignmentImportId => ({ scope: 'global', policyName })),
    fc.uuid().map((groupId): PolicyAssignmentImportId => ({ scope: 'group', groupId })),
    fc.record({ policyName: lineText('/'), users: fc.array(user, { maxLength: 5 }) }).map((u): PolicyAssignmentImportId => ({ scope: 'users', ...u })),
  );

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(ids, (id) => {
        expect(parsePolicyAssignmentImportId(formatPolicyAssignmentImportId(id))).toEqual({ ok: true, value: id });
      }),
    );
  });
});

describe('service provider import ids', () => {
  it('are the identity, read without surrounding spaces', () => {
    expect(parseServiceProviderImportId(' Pexip ')).toEqual({ ok: true, value: 'Pexip' });
    expect(parseServiceProviderImportId(formatServiceProviderImportId('BlueJeans'))).toEqual({ ok: true, value: 'BlueJeans' });
  });
});

describe('federation allowed domain import ids', () => {
  it('are the domain, read without surrounding spaces', () => {
    expect(parseFederationDomainImportId(' pexip.me ')).toEqual({ ok: true, value: 'pexip.me' });
    expect(parseFederationDomainImportId(formatFederationDomainImportId('video.contoso.com'))).toEqual({ ok: true, value: 'video.contoso.com' });
  });

  it.each(['', 'pexip', 'pexip.me.', '*.pexip.me', '10.0.0.1', 'pexip me'])('refuses %j naming the form and the id', (id) => {
    expect(parseFederationDomainImportId(id)).toEqual({ ok: false, problem: `the import id is the domain, e.g. pexip.me; got "${id}"` });
  });
});
