import { exitCode, renderJson, renderTable, StackReport } from '../../../scripts/drift/report';

const inSync = (tenant: string): StackReport => ({ tenant, status: 'in-sync', resources: [], outputs: [], seconds: 1 });
const drifted = (tenant: string): StackReport => ({
  tenant,
  status: 'drift',
  resources: [
    { address: 'cvi_video_interop_service_provider.provider', action: 'update' },
    { address: 'cvi_video_interop_policy_assignment.policy', action: 'create' },
  ],
  outputs: [],
  seconds: 2,
});
const failed = (tenant: string): StackReport => ({
  tenant,
  status: 'error',
  resources: [],
  outputs: [],
  error: 'terraform plan exited 1\nError: teams api answered 500',
  seconds: 3,
});

describe('drift exit code', () => {
  test('every tenant in sync exits 0', () => {
    expect(exitCode([inSync('a'), inSync('b')])).toBe(0);
  });

  test('any drift exits 2', () => {
    expect(exitCode([inSync('a'), drifted('b')])).toBe(2);
  });

  test('any error exits 1, even when another tenant drifted', () => {
    expect(exitCode([failed('a'), drifted('b'), inSync('c')])).toBe(1);
  });
});

describe('drift table', () => {
  test('a drifted tenant lists each differing resource with its action on its own line', () => {
    const lines = renderTable([inSync('contoso'), drifted('fabrikam')]).split('\n');
    expect(lines[0]).toMatch(/^TENANT\s+STATUS\s+RESOURCES THAT DIFFER$/);
    expect(lines[1]).toMatch(/^contoso\s+in sync\s+-$/);
    expect(lines[2]).toMatch(/^fabrikam\s+drift\s+cvi_video_interop_service_provider.provider \(update\)$/);
    expect(lines[3]).toMatch(/^\s+cvi_video_interop_policy_assignment.policy \(create\)$/);
  });

  test('an erroring tenant shows Terraform\'s error text and the others still show their rows', () => {
    const table = renderTable([failed('contoso'), inSync('fabrikam')]);
    expect(table).toMatch(/^contoso\s+error\s+terraform plan exited 1$/m);
    expect(table).toContain('Error: teams api answered 500');
    expect(table).toMatch(/^fabrikam\s+in sync\s+-$/m);
  });

  test('the last line counts tenants per status', () => {
    const table = renderTable([failed('a'), drifted('b'), inSync('c'), inSync('d')]);
    expect(table.split('\n').pop()).toBe('4 tenant(s): 2 in sync, 1 drift, 1 error');
  });
});

describe('drift JSON', () => {
  test('the JSON report carries the overall status, the exit code and every tenant\'s row', () => {
    const parsed = JSON.parse(renderJson([inSync('contoso'), drifted('fabrikam')]));
    expect(parsed.status).toBe('drift');
    expect(parsed.exitCode).toBe(2);
    expect(parsed.tenants.map((t: { tenant: string; status: string }) => [t.tenant, t.status])).toEqual([
      ['contoso', 'in-sync'],
      ['fabrikam', 'drift'],
    ]);
    expect(parsed.tenants[1].resources[0]).toEqual({ address: 'cvi_video_interop_service_provider.provider', action: 'update' });
  });

  test('an error row carries the error text', () => {
    const parsed = JSON.parse(renderJson([failed('contoso')]));
    expect(parsed.tenants[0].error).toContain('teams api answered 500');
  });
});
