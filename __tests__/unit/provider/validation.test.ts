/** Config-only checks, run at validate time: each error names the resource, the attribute, the rule and the value. */
import { validateProviderConfig } from '../../../provider/config-schema';
import { resourceTypes } from '../../../provider/resources';
import { UNKNOWN, type TfObject } from '../../../provider/server/values';
import { usersMap } from '../../../provider/resources/policy-users';

const validate = (name: string, config: TfObject) => resourceTypes.find((r) => r.name === name)!.validate(config);
const assignment = (config: TfObject) => validate('cvi_video_interop_policy_assignment', { policy_name: 'PexipServiceProviderEnabled', global: null, group_id: null, group_rank: null, users: null, ...config });
const provider = (config: TfObject) => validate('cvi_video_interop_service_provider', { identity: 'Pexip', tenant_key: 'teams@contoso.com', instruction_uri: null, aad_application_ids: null, ...config });

describe('provider configuration checks', () => {
  it('accepts an empty provider block (everything can come from the environment)', () => {
    expect(validateProviderConfig({})).toEqual([]);
  });

  it('names the attribute and value of a tenant id that is not a GUID', () => {
    expect(validateProviderConfig({ tenant_id: 'contoso' })).toEqual([
      expect.objectContaining({ severity: 'error', attribute: ['tenant_id'], detail: expect.stringContaining('got "contoso"') }),
    ]);
  });

  it('lists the clouds when the environment is unknown', () => {
    expect(validateProviderConfig({ environment: 'moon' })[0].detail).toContain('public, gcchigh, dod, china; got "moon"');
  });

  it('refuses two sign-in methods at once', () => {
    expect(validateProviderConfig({ use_msi: true, use_cli: true })[0].detail).toContain('use_msi and use_cli');
  });

  it('leaves unknown values to be checked when they are known', () => {
    expect(validateProviderConfig({ tenant_id: UNKNOWN, endpoint: UNKNOWN })).toEqual([]);
  });
});

describe('policy assignment checks', () => {
  it('accepts exactly one scope', () => {
    expect(assignment({ users: usersMap(['alice@contoso.com']) })).toEqual([]);
  });

  it('refuses two scopes, naming both', () => {
    expect(assignment({ global: true, group_id: '6a0f7c2e-1111-4222-8333-944455556666' })[0].detail).toContain('got global = true and group_id');
  });

  it('refuses no scope at all', () => {
    expect(assignment({})[0].detail).toContain('must set exactly one of global = true, group_id, users; got none');
  });

  it('does not judge the scope while one of its attributes is unknown', () => {
    expect(assignment({ users: UNKNOWN })).toEqual([]);
  });

  it('asks for the policy name without its Tag: prefix', () => {
    expect(assignment({ policy_name: 'Tag:PexipServiceProviderEnabled', global: true })[0]).toMatchObject({
      attribute: ['policy_name'],
      detail: expect.stringContaining('e.g. "PexipServiceProviderEnabled"'),
    });
  });

  it('refuses a group rank below 1', () => {
    expect(assignment({ group_id: '6a0f7c2e-1111-4222-8333-944455556666', group_rank: 0 })[0].attribute).toEqual(['group_rank']);
  });

  it.each([65, 2 ** 53, 1e300, 1.5, 0])('refuses group rank %d: a whole number from 1 to 64', (rank) => {
    expect(assignment({ global: null, group_id: '0b6f4d2e-8a1c-4e3b-9f7d-5c2a1e0d3b48', group_rank: rank })).toEqual([
      expect.objectContaining({ attribute: ['group_rank'], detail: expect.stringContaining('group_rank must be a whole number from 1 (the highest precedence) to 64') }),
    ]);
  });

  it.each(['..', '.', 'a/b', ' alice@contoso.com', 'bob@contoso.com\u001b'])('refuses user %j, which would leave its URL path segment', (user) => {
    expect(assignment({ global: null, users: usersMap(['alice@contoso.com', user]) })).toEqual([expect.objectContaining({ attribute: ['users'], summary: 'Invalid user' })]);
  });

  it('refuses a group rank without a group', () => {
    expect(assignment({ global: true, group_rank: 2 })[0].summary).toBe('group_rank without group_id');
  });
});

describe('service provider checks', () => {
  it('accepts the documented Pexip example', () => {
    expect(provider({ instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}', aad_application_ids: ['923c9f0a-b883-4efe-af73-54810da59f83'] })).toEqual([]);
  });

  it('requires the {ConfId} placeholder in the instruction URI', () => {
    expect(provider({ instruction_uri: 'https://pexip.me/teams/contoso.com/' })[0].attribute).toEqual(['instruction_uri']);
  });

  it.each(['javascript:alert(1)//{ConfId}', 'http://pexip.me/{ConfId}', 'data:text/html,{ConfId}', '//pexip.me/{ConfId}'])('refuses instruction URI %s: https only', (uri) => {
    expect(provider({ instruction_uri: uri })).toEqual([expect.objectContaining({ attribute: ['instruction_uri'], detail: expect.stringContaining('must be an https: URL') })]);
  });

  it('refuses the same application id twice in different case', () => {
    const id = '923c9f0a-b883-4efe-af73-54810da59f83';
    expect(provider({ aad_application_ids: [id, id.toUpperCase()] })).toEqual([expect.objectContaining({ summary: 'Duplicate application id' })]);
  });

  it('requires application ids to be GUIDs', () => {
    expect(provider({ aad_application_ids: ['pexip-app'] })[0].detail).toContain('got "pexip-app"');
  });
});

describe('federation domain checks', () => {
  it('refuses something that is not a domain name', () => {
    expect(validate('cvi_federation_allowed_domain', { domain: 'https://pexip.me' })[0].detail).toContain('got "https://pexip.me"');
  });
});
