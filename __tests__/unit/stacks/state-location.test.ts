/** Where local state lives, and the move from the stack folder, which never loses or overwrites a state. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localStatePath, moveLegacyStates, stateDir } from '../../../stacks/state-location';

let work: string;
let out: string;
let states: string;
let log: string[];
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-state-'));
  out = path.join(work, 'cdktf.out');
  states = path.join(work, 'state');
  log = [];
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function oldState(tenant: string, text: string, file = `terraform.${tenant}.tfstate`): string {
  const dir = path.join(out, 'stacks', tenant);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('the state folder', () => {
  it('is state/ in the folder that holds the synth output', () => {
    expect(stateDir(out, {})).toBe(path.join(work, 'state'));
  });

  it('is CVI_STATE_DIR when set', () => {
    expect(stateDir(out, { CVI_STATE_DIR: path.join(work, 'kept') })).toBe(path.join(work, 'kept'));
  });

  it('is reached from a stack folder by a relative path with forward slashes', () => {
    expect(localStatePath(out, 'contoso', states)).toBe('../../../state/contoso.tfstate');
    expect(localStatePath(out, 'contoso', path.join(work, 'a', 'b'))).toBe('../../../a/b/contoso.tfstate');
  });
});

describe('moving state out of the synth output', () => {
  it('moves the state and its backup, and leaves other stack folders alone', () => {
    const dir = oldState('contoso', 'current');
    fs.writeFileSync(path.join(dir, 'terraform.contoso.tfstate.backup'), 'previous');
    oldState('fabrikam', 'ignored', 'cdk.tf.json');

    expect(moveLegacyStates(out, states, (l) => log.push(l))).toEqual(['contoso']);

    expect(read(path.join(states, 'contoso.tfstate'))).toBe('current');
    expect(read(path.join(states, 'contoso.tfstate.backup'))).toBe('previous');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(read(path.join(out, 'stacks', 'fabrikam', 'cdk.tf.json'))).toBe('ignored');
    expect(log).toHaveLength(2);
  });

  it('never overwrites a state already in the state folder: the older one lands beside it', () => {
    fs.mkdirSync(states);
    fs.writeFileSync(path.join(states, 'contoso.tfstate'), 'newer');
    fs.writeFileSync(path.join(states, 'contoso.tfstate.from-cdktf-out'), 'an earlier move');
    oldState('contoso', 'older');

    moveLegacyStates(out, states, (l) => log.push(l));

    expect(read(path.join(states, 'contoso.tfstate'))).toBe('newer');
    expect(read(path.join(states, 'contoso.tfstate.from-cdktf-out'))).toBe('an earlier move');
    expect(read(path.join(states, 'contoso.tfstate.from-cdktf-out-2'))).toBe('older');
    expect(log).toEqual([expect.stringMatching(/contoso\.tfstate already exists and was kept; moved the older .* beside it as .*from-cdktf-out-2: compare them and keep one$/)]);
  });

  it("drops terraform's memory of the old local backend, so the next init starts at the new path", () => {
    const dir = oldState('contoso', 'state');
    fs.mkdirSync(path.join(dir, '.terraform'));
    const memory = path.join(dir, '.terraform', 'terraform.tfstate');
    fs.writeFileSync(memory, JSON.stringify({ version: 3, backend: { type: 'local', config: { path: 'terraform.contoso.tfstate' } } }));

    moveLegacyStates(out, states, () => undefined);

    expect(fs.existsSync(memory)).toBe(false);
  });

  it('keeps the memory of a remote backend', () => {
    const dir = oldState('contoso', 'state');
    fs.mkdirSync(path.join(dir, '.terraform'));
    const memory = path.join(dir, '.terraform', 'terraform.tfstate');
    fs.writeFileSync(memory, JSON.stringify({ version: 3, backend: { type: 'azurerm', config: {} } }));

    moveLegacyStates(out, states, () => undefined);

    expect(fs.existsSync(memory)).toBe(true);
  });

  it('does nothing when there is no synth output yet', () => {
    expect(moveLegacyStates(out, states, (l) => log.push(l))).toEqual([]);
    expect(fs.existsSync(states)).toBe(false);
    expect(log).toEqual([]);
  });
});
