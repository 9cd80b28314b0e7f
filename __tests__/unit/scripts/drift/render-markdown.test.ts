import { buildReport } from '../../../../scripts/drift/report';
import { renderMarkdown } from '../../../../scripts/drift/render-markdown';
import { drifted, failed, FABRIKAM_ID, inSync, withUnmanaged } from './report-fixtures';

const report = (...tenants: Parameters<typeof buildReport>[0]) => buildReport(tenants, { unmanagedChecked: true });

describe('drift markdown (issue body, job summary)', () => {
  test('the heading names the overall status and the counts with the exit code', () => {
    const md = renderMarkdown(report(inSync('contoso'), drifted('fabrikam')));
    expect(md.split('\n')[0]).toBe('### ⚠️ CVI drift: drift');
    expect(md).toContain('2 tenant(s): 1 in sync, 1 drift, 0 unmanaged, 0 error; exit code 2.');
  });

  test('each finding is a table row with tenant name, tenant id, construct path, action and attribute before -> after', () => {
    const md = renderMarkdown(report(drifted('fabrikam')));
    const row = md.split('\n').find((l) => l.includes('tenant/teams-provider'));
    expect(row).toContain(`| fabrikam | <code>${FABRIKAM_ID}</code> | drift | <code>tenant/teams-provider</code> | update | `);
    expect(row).toContain('<code>address: cvi_video_interop_service_provider.tenant_teams-provider_F52F7836</code><br>');
    expect(row).toContain('<code>tenant_key: "rogue@fabrikam.example" -&gt; "teams@fabrikam.example"</code> |');
  });

  test('tenants in sync are folded into one details block instead of a row each', () => {
    const md = renderMarkdown(report(inSync('contoso'), inSync('northwind'), withUnmanaged('tailspin')));
    expect(md).toContain('<details><summary>2 tenant(s) in sync</summary>');
    expect(md).toContain('contoso, northwind');
    expect(md).not.toMatch(/^\| contoso /m);
    expect(md).toMatch(/^\| tailspin \| .* \| unmanaged \| <code>group assignment 0f0f0f0f-0000-4000-8000-000000000001<\/code> \| ranked above ours \|/m);
  });

  test('a pipe or angle bracket in a value cannot break the table or inject HTML', () => {
    const t = drifted('fabrikam');
    const evil = { ...t, resources: [{ ...t.resources[0], attributes: [{ name: 'instruction_uri', before: 'a|b<script>', after: 'c' }] }] };
    const row = renderMarkdown(report(evil)).split('\n').find((l) => l.includes('instruction_uri'))!;
    expect(row).toContain('a&#124;b&lt;script&gt;');
    expect(row.split('|').length).toBe(8);
  });

  test("an error row keeps Terraform's lines, joined with line breaks", () => {
    expect(renderMarkdown(report(failed('contoso')))).toContain('<code>terraform plan exited 1</code> | error | <code>Error: teams api answered 500</code>');
  });

  test('rows past the size limit are left out with a line saying how many, and the body stays within it', () => {
    const many = Array.from({ length: 400 }, (_, i) => drifted(`tenant-${String(i).padStart(3, '0')}`));
    const md = renderMarkdown(report(...many), 20_000);
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toMatch(/\d+ more row\(s\) left out to stay within GitHub's size limit: see the JSON report\./);
  });
});
