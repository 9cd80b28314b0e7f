import * as fs from 'fs';
import * as path from 'path';
import { planDifferences } from '../../../scripts/drift/plan-changes';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('plan differences from terraform show -json', () => {
  test('given a plan where every action is no-op, no resource and no output differs', () => {
    expect(planDifferences(fixture('plan-clean.json'))).toEqual({ resources: [], outputs: [] });
  });

  test('given a drifted plan, every changed resource is named with what applying would do', () => {
    expect(planDifferences(fixture('plan-drift.json')).resources).toEqual([
      { address: 'terraform_data.domain', action: 'delete' },
      { address: 'terraform_data.instruction_uri', action: 'update' },
      { address: 'terraform_data.policy', action: 'create' },
      { address: 'terraform_data.tenant_key', action: 'replace' },
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
