import { buildReport, exitCode, renderJson, stackStatus } from '../../../../scripts/drift/report';
import { renderTable, TABLE_WIDTH } from '../../../../scripts/drift/render-table';
import { driftReportSchema } from '../../../../scripts/drift/report-schema';
import { CONTOSO_ID, drifted, failed, FABRIKAM_ID, inSync, withUnmanaged } from './report-fixtures';

const report = (...tenants: Parameters<typeof buildReport>[0]) => buildReport(tenants, { unmanagedChecked: true });

describe('drift exit code', () => {
  test('every tenant in sync exits 0', () => {
    expect(exitCode([inSync('a'), inSync('b')])).toBe(0);
  });

  test('any drift exits 2', () => {
    expect(exitCode([inSync('a'), drifted('b')])).toBe(2);
  });

  test('unmanaged objects alone exit 2, like drift', () => {
    expect(exitCode([inSync('a'), withUnmanaged('b')])).toBe(2);
  });

  test('any error exits 1, even when other tenants drifted or hold unmanaged objects', () => {
    expect(exitCode([failed('a'), drifted('b'), withUnmanaged('c'), inSync('d')])).toBe(1);
  });

  test('a run-level error (a missing shard) exits 1 even when every tenant reported is in sync', () => {
    expect(exitCode([inSync('a')], 'shard 2/2 is missing')).toBe(1);
  });
});

describe('tenant status', () => {
  test('an error wins over drift found before it, and drift over unmanaged objects', () => {
    const unmanaged = withUnmanaged('x').unmanaged;
    expect(stackStatus({ error: 'e', resources: [1], outputs: [], unmanaged })).toBe('error');
    expect(stackStatus({ resources: [1], outputs: [], unmanaged })).toBe('drift');
    expect(stackStatus({ resources: [], outputs: [], unmanaged })).toBe('unmanaged');
    expect(stackStatus({ resources: [], outputs: [], unmanaged: [] })).toBe('in-sync');
  });
});

describe('drift table', () => {
  test('every row carries the tenant name and id, and a changed resource its construct path and action', () => {
    const lines = renderTable(report(inSync('contoso'), drifted('fabrikam'))).split('\n');
    expect(lines[0]).toMatch(/^TENANT\s+TENANT ID\s+STATUS\s+OBJECT \(ACTION\)$/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^contoso\\s+${CONTOSO_ID}\\s+in sync\\s+-$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^fabrikam\\s+${FABRIKAM_ID}\\s+drift\\s+tenant/teams-provider \\(update\\)$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^fabrikam\\s+${FABRIKAM_ID}\\s+drift\\s+tenant/assignment-users \\(update\\)$`)));
  });

  test('under each changed resource, each attribute reads before -> after, and a set its members added and removed', () => {
    const table = renderTable(report(drifted('fabrikam')));
    expect(table).toContain('    tenant_key: "rogue@fabrikam.example" -> "teams@fabrikam.example"');
    expect(table).toContain('    users: +"ann@fabrikam.example" -"bob@fabrikam.example"');
  });

  test('an unmanaged object is a row of its own, and a group ranked above ours says so', () => {
    const table = renderTable(report(withUnmanaged('contoso')));
    expect(table).toMatch(/^contoso\s+\S+\s+unmanaged\s+service provider Cisco$/m);
    // Too long for its column: the flag stays on the row, the object goes under it, whole.
    expect(table).toMatch(/^contoso\s+\S+\s+unmanaged\s+\(ranked above ours\)\n {4}group assignment 0f0f0f0f-0000-4000-8000-000000000001$/m);
  });

  test("an erroring tenant shows Terraform's error text and the others still show their rows", () => {
    const table = renderTable(report(failed('contoso'), inSync('fabrikam')));
    expect(table).toMatch(/^contoso\s+\S+\s+error\s+terraform plan exited 1$/m);
    expect(table).toContain('    Error: teams api answered 500');
    expect(table).toMatch(/^fabrikam\s+\S+\s+in sync\s+-$/m);
  });

  test('no line is wider than 100 columns, even for a long value, which wraps instead of being cut', () => {
    const long = drifted('fabrikam');
    const uri = `https://pexip.me/teams/${'very-long-tenant-domain.'.repeat(6)}example/{ConfId}`;
    const wide = { ...long, resources: [{ ...long.resources[0], attributes: [{ name: 'instruction_uri', before: uri, after: 'x' }] }] };
    const table = renderTable(report(wide));
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(table.replace(/\n\s+/g, '')).toContain(uri.replace(/\s/g, ''));
  });

  test('a long word wraps after a separator, not mid-GUID', () => {
    const t = drifted('fabrikam');
    const address = `cvi_video_interop_policy_assignment.tenant_assignment-group-1d2e3f40-0000-4000-8000-000000000001_5C24B8C6`;
    const table = renderTable(report({ ...t, resources: [{ ...t.resources[0], address }] }));
    expect(table).toContain('    address: cvi_video_interop_policy_assignment.tenant_assignment-group-1d2e3f40-0000-4000-8000-\n      000000000001_5C24B8C6');
  });

  test('a stack that names no tenant id shows - in that column', () => {
    expect(renderTable(report(inSync('lab', null)))).toMatch(/^lab\s+-\s+in sync\s+-$/m);
  });

  test('the last line counts tenants per status', () => {
    const table = renderTable(report(failed('a'), drifted('b'), inSync('c'), withUnmanaged('d')));
    expect(table.split('\n').pop()).toBe('4 tenant(s): 1 in sync, 1 drift, 1 unmanaged, 1 error');
  });

  test('with --ignore-unmanaged the table says unmanaged objects were not looked for', () => {
    expect(renderTable(buildReport([inSync('a')], { unmanagedChecked: false }))).toContain('unmanaged objects were not looked for (--ignore-unmanaged)');
  });
});

describe('drift JSON', () => {
  test('the JSON report is versioned and carries the overall status, the exit code and every tenant sorted by name', () => {
    const parsed = JSON.parse(renderJson(report(drifted('fabrikam'), inSync('contoso'))));
    expect(parsed).toMatchObject({ schemaVersion: 1, status: 'drift', exitCode: 2, unmanagedChecked: true });
    expect(parsed.tenants.map((t: { tenant: string; tenantId: string; status: string }) => [t.tenant, t.tenantId, t.status])).toEqual([
      ['contoso', CONTOSO_ID, 'in-sync'],
      ['fabrikam', FABRIKAM_ID, 'drift'],
    ]);
    expect(parsed.tenants[1].resources[0]).toMatchObject({ constructPath: 'tenant/teams-provider', action: 'update', attributes: [{ name: 'tenant_key', before: 'rogue@fabrikam.example', after: 'teams@fabrikam.example' }] });
  });

  test('every report shape the command writes passes the published schema', () => {
    const all = report(inSync('a'), drifted('b'), withUnmanaged('c'), failed('d'));
    expect(driftReportSchema.safeParse(JSON.parse(renderJson(all))).success).toBe(true);
    const nothing = buildReport([], { unmanagedChecked: true, shard: { index: 2, count: 3 }, error: 'synth failed' });
    expect(driftReportSchema.safeParse(JSON.parse(renderJson(nothing))).success).toBe(true);
  });

  test('the schema rejects a report of another version', () => {
    const other = { ...report(inSync('a')), schemaVersion: 2 };
    expect(driftReportSchema.safeParse(other).success).toBe(false);
  });
});
