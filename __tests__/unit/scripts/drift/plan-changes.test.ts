import * as fs from 'fs';
import * as path from 'path';
import { planDifferences } from '../../../../scripts/drift/plan-changes';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('plan differences from terraform show -json', () => {
  test('given a plan where every action is no-op, no resource and no output differs', () => {
    expect(planDifferences(fixture('plan-clean.json'))).toEqual({ resources: [], outputs: [] });
  });

  test('given a drifted plan, every changed resource is named with what applying would do', () => {
    expect(planDifferences(fixture('plan-drift.json')).resources.map((r) => [r.address, r.action])).toEqual([
      ['terraform_data.domain', 'delete'],
      ['terraform_data.instruction_uri', 'update'],
      ['terraform_data.policy', 'create'],
      ['terraform_data.tenant_key', 'replace'],
    ]);
  });

  test('an update carries each changed attribute before -> after', () => {
    const update = planDifferences(fixture('plan-drift.json')).resources.find((r) => r.action === 'update');
    expect(update?.attributes).toEqual([
      { name: 'input', before: 'https://pexip.me/teams/contoso.com/{ConfId}', after: 'https://pexip.me/teams/contoso.com/x/{ConfId}' },
      { name: 'output', before: 'https://pexip.me/teams/contoso.com/{ConfId}', unknownAfter: true },
    ]);
  });

  test('a deletion says why and lists no attributes; a replacement names the attribute that forces it', () => {
    const byAction = Object.fromEntries(planDifferences(fixture('plan-drift.json')).resources.map((r) => [r.action, r]));
    expect(byAction.delete).toMatchObject({ reason: 'delete_because_no_resource_config', attributes: [] });
    expect(byAction.replace.attributes).toContainEqual({ name: 'triggers_replace', added: ['v2'], forcesReplacement: true });
  });

  test('the construct path comes from the stack metadata by type and name, else it is the address', () => {
    const paths = new Map([['terraform_data.policy', 'tenant/assignment-global']]);
    const resources = planDifferences(fixture('plan-drift.json'), paths).resources;
    expect(resources.find((r) => r.address === 'terraform_data.policy')?.constructPath).toBe('tenant/assignment-global');
    expect(resources.find((r) => r.address === 'terraform_data.domain')?.constructPath).toBe('terraform_data.domain');
  });

  test('a pending import is named as an import with its id, even when it changes nothing', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'cvi_video_interop_service_provider.p',
          mode: 'managed',
          type: 'cvi_video_interop_service_provider',
          name: 'p',
          change: { actions: ['no-op'], before: { identity: 'Pexip' }, after: { identity: 'Pexip' }, importing: { id: 'Pexip' } },
        },
      ],
    };
    expect(planDifferences(JSON.stringify(plan)).resources).toEqual([
      { address: 'cvi_video_interop_service_provider.p', constructPath: 'cvi_video_interop_service_provider.p', action: 'import', importId: 'Pexip', attributes: [] },
    ]);
  });

  test('given a plan where only an output changes, the output is named and no resource is', () => {
    expect(planDifferences(fixture('plan-outputs.json'))).toEqual({ resources: [], outputs: ['o'] });
  });

  test('a data source that is re-read is not counted as a difference', () => {
    const plan = { format_version: '1.2', resource_changes: [{ address: 'data.azuread_service_principal.graph', mode: 'data', change: { actions: ['read'] } }] };
    expect(planDifferences(JSON.stringify(plan)).resources).toEqual([]);
  });

  test('output that is not JSON is rejected with a reason', () => {
    expect(() => planDifferences('Error: no plan')).toThrow('terraform show -json did not print JSON');
  });

  test('JSON that is not a plan is rejected with a reason', () => {
    expect(() => planDifferences('{"valid": true}')).toThrow(/format_version missing/);
  });
});
