import { planWarnings } from '../../../../scripts/drift/check-stack';
import { renderTable } from '../../../../scripts/drift/render-table';
import { renderMarkdown } from '../../../../scripts/drift/render-markdown';
import type { DriftReport } from '../../../../scripts/drift/report';

const PLAN_TEXT = `No changes. Your infrastructure matches the configuration.
╷
│ Warning: Drift of the tenant-wide assignment cannot be detected
│
│   with cvi_video_interop_policy_assignment.tenant_assignment_0A1B2C3D,
│   on cdk.tf.json line 52, in resource.cvi_video_interop_policy_assignment.tenant_assignment_0A1B2C3D:
│   52:       }
│
│ tenant ...: refresh: the Teams admin API has no proven read of the tenant-wide (Global) grant
╵`;

describe('warnings of a clean plan', () => {
  test('given a plan warning, then its summary and resource address are kept', () => {
    expect(planWarnings({ code: 0, stdout: PLAN_TEXT, stderr: '', timedOut: false })).toEqual([
      'Drift of the tenant-wide assignment cannot be detected (cvi_video_interop_policy_assignment.tenant_assignment_0A1B2C3D)',
    ]);
  });

  test('given a tenant in sync with a warning, then the table and the markdown both show it', () => {
    const report: DriftReport = {
      schemaVersion: 1,
      status: 'in-sync',
      exitCode: 0,
      unmanagedChecked: true,
      tenants: [{ tenant: 'contoso', tenantId: null, status: 'in-sync', resources: [], outputs: [], unmanaged: [], warnings: ['Drift of the tenant-wide assignment cannot be detected'], seconds: 1 }],
    };

    expect(renderTable(report)).toContain('warning: contoso: Drift of the tenant-wide assignment cannot be detected');
    expect(renderMarkdown(report)).toContain('- **contoso**: Drift of the tenant-wide assignment cannot be detected');
  });
});
