/**
 * Rules a deploy could only discover by waiting: group ranks Teams can never hold, and a service
 * provider identity Teams does not know. Each is one line naming the file and the field.
 */
import { parseTenantFile } from '../../../stacks/load-tenants';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';
const GROUP_A = '0b6f4d2e-8a1c-4e3b-9f7d-5c2a1e0d3b48';
const GROUP_B = '7e1d5c3a-2b4f-4a6e-8d9c-1f0e3b2a5c47';
const GROUP_C = 'c4a2e6f1-9d3b-4c5a-b7e8-2d1f0a9c3e56';

function problemsOf(tenant: unknown): string[] {
  return parseTenantFile(FILE, toYaml(tenant)).problems;
}

function withGroups(groups: { id: string; rank: number }[]): Record<string, any> {
  const tenant = pexipTenant();
  tenant.teams.assignment = { groups };
  return tenant;
}

describe('group ranks', () => {
  it('accept ranks 1 to N in any order', () => {
    expect(problemsOf(withGroups([{ id: GROUP_B, rank: 2 }, { id: GROUP_A, rank: 1 }]))).toEqual([]);
  });

  it('reject two groups at one rank, naming the second and the first', () => {
    const problems = problemsOf(withGroups([{ id: GROUP_A, rank: 1 }, { id: GROUP_B, rank: 1 }]));
    expect(problems).toEqual(['tenants/x.yaml: teams.assignment.groups[1].rank: duplicate rank, already at [0]; each group needs its own rank (got 1)']);
  });

  it('reject a gap, saying which rank is missing', () => {
    const problems = problemsOf(withGroups([{ id: GROUP_A, rank: 1 }, { id: GROUP_B, rank: 3 }]));
    expect(problems).toEqual(['tenants/x.yaml: teams.assignment.groups: ranks must count 1 to 2 without gaps; rank 2 is missing (got 1, 3)']);
  });

  it('reject ranks that do not start at 1, naming every missing one', () => {
    const problems = problemsOf(withGroups([{ id: GROUP_A, rank: 3 }, { id: GROUP_B, rank: 4 }, { id: GROUP_C, rank: 5 }]));
    expect(problems).toEqual(['tenants/x.yaml: teams.assignment.groups: ranks must count 1 to 3 without gaps; ranks 1, 2 are missing (got 3, 4, 5)']);
  });
});

describe('a group listed twice', () => {
  it('names the id field and shows the id, not the whole mapping', () => {
    const problems = problemsOf(withGroups([{ id: GROUP_A, rank: 1 }, { id: GROUP_A.toUpperCase(), rank: 2 }]));
    expect(problems).toEqual([`tenants/x.yaml: teams.assignment.groups[1].id: duplicate group id, already at [0] (got ${GROUP_A.toUpperCase()})`]);
    expect(problems.join('\n')).not.toContain('[object Object]');
  });
});

describe('the service provider identity', () => {
  function customWithIdentity(identity: string): Record<string, any> {
    const tenant = ciscoTenant();
    tenant.vendor = 'custom';
    tenant.teams.serviceProvider.identity = identity;
    tenant.teams.assignment.policyName = 'PexipServiceProviderEnabled';
    return tenant;
  }

  it('of a hosted service is refused with the platform identities and why', () => {
    const problems = problemsOf(customWithIdentity('Modality OneMeeting'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tenants\/x\.yaml: teams\.serviceProvider\.identity: must name a CVI platform Teams knows \(Pexip, Polycom, Cisco, BlueJeans\); /);
    expect(problems[0]).toContain('a hosted CVI service uses the identity of the platform it runs on, e.g. Modality OneMeeting runs on Pexip, so Pexip');
    expect(problems[0]).toMatch(/\(got Modality OneMeeting\)$/);
  });

  it('in the wrong case is refused with the right spelling', () => {
    expect(problemsOf(customWithIdentity('pexip'))).toEqual([
      'tenants/x.yaml: teams.serviceProvider.identity: must be one of Pexip, Polycom, Cisco, BlueJeans; did you mean Pexip? (got pexip)',
    ]);
  });

  it('of a platform is accepted for a custom vendor', () => {
    expect(problemsOf(customWithIdentity('Pexip'))).toEqual([]);
  });
});

describe('users of an assignment', () => {
  const withUsers = (count: number) => {
    const tenant = pexipTenant();
    tenant.teams.assignment = { users: Array.from({ length: count }, (_, i) => `user${i}@contoso.com`) };
    return tenant;
  };

  it('accept 50,000 users', () => {
    expect(problemsOf(withUsers(50_000))).toEqual([]);
  });

  it('reject 50,001 users in one line naming the limit', () => {
    const problems = problemsOf(withUsers(50_001));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tenants\/x\.yaml: teams\.assignment\.users: may hold at most 50000 users \(assign a group instead\)/);
  });
});
