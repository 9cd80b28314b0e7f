import * as fs from 'fs';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { CviTenant } from '../../../constructs/cvi-tenant';
import { parseTenantFile } from '../../../stacks/load-tenants';
import type { TenantConfig } from '../../../stacks/tenant-config';

const TENANTS = path.join(__dirname, '..', '..', '..', 'tenants');
const examples = fs.readdirSync(TENANTS).filter((f) => f.endsWith('.yaml'));

function load(file: string): TenantConfig {
  const { config, problems } = parseTenantFile(file, fs.readFileSync(path.join(TENANTS, file), 'utf8'));
  if (!config) throw new Error(problems.join('\n'));
  return config;
}

describe('the validated tenant file maps onto CviTenant as it is', () => {
  test.each(examples)('%s builds a CviTenant with one Teams provider and at least one policy assignment', (file) => {
    const config = load(file);
    const stack = new TerraformStack(Testing.app(), config.tenant.name);
    // No mapping step: the loader's output is the construct's props.
    const tenant = new CviTenant(stack, 'tenant', config);
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.cvi_video_interop_service_provider)).toHaveLength(1);
    expect(tenant.policyAssignments.length).toBeGreaterThan(0);
    expect(json.provider.cvi[0].tenant_id).toBe(config.tenant.id);
  });
});
