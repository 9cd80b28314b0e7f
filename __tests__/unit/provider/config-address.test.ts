/** The resource address for an import hint, read from the root module's JSON, only when it is certain. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addressInConfig } from '../../../provider/resources/config-address';
import { importHint } from '../../../provider/resources/service-provider';

const TYPE = 'cvi_video_interop_service_provider';
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-address-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, resources: Record<string, Record<string, unknown>>): void {
  fs.writeFileSync(path.join(dir, file), JSON.stringify({ resource: { [TYPE]: resources } }));
}

describe('the address of a resource in the configuration', () => {
  it('is the one resource of the type with that identity, as cdktf names it', () => {
    write('cdk.tf.json', { tenant_teams_provider_A1B2: { identity: 'Pexip' }, other: { identity: 'Cisco' } });
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, dir)).toBe(`${TYPE}.tenant_teams_provider_A1B2`);
  });

  it('is unknown when two resources have that identity', () => {
    write('a.tf.json', { one: { identity: 'Pexip' } });
    write('b.tf.json', { two: { identity: 'Pexip' } });
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, dir)).toBeUndefined();
  });

  it('is unknown when the identity is an expression', () => {
    write('main.tf.json', { one: { identity: '${var.identity}' } });
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, dir)).toBeUndefined();
  });

  it('is unknown when the block has several instances', () => {
    write('main.tf.json', { one: { identity: 'Pexip', count: 2 } });
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, dir)).toBeUndefined();
  });

  it('is unknown when HCL files could hold another such resource', () => {
    write('main.tf.json', { one: { identity: 'Pexip' } });
    fs.writeFileSync(path.join(dir, 'more.tf'), '');
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, dir)).toBeUndefined();
  });

  it('is unknown when the folder cannot be read', () => {
    expect(addressInConfig(TYPE, { identity: 'Pexip' }, path.join(dir, 'missing'))).toBeUndefined();
  });
});

describe('the import hint of a service provider that already exists', () => {
  it('names the address and the id when the configuration gives the address away', () => {
    write('cdk.tf.json', { tenant_teams_provider_A1B2: { identity: 'pexip' } });
    expect(importHint('pexip', 'Pexip', dir)).toBe(`\`terraform import ${TYPE}.tenant_teams_provider_A1B2 Pexip\` (in ${dir})`);
  });

  it("otherwise names the id and points at the address in Terraform's \"with\" line", () => {
    expect(importHint('Pexip', 'Pexip', dir)).toBe(`\`terraform import <address> Pexip\` (in ${dir}), where <address> is the one Terraform shows after "with" above`);
  });
});
