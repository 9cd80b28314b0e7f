/**
 * The adoption rule: what holds a scope before a create, and what the create does about it
 * (refuse with the import command, or take over with a warning), against the emulator with the
 * real client.
 */
import type { RunningEmulator } from '../../../emulator';
import { DiagnosticError, type Diagnostic } from '../../../provider/diagnostics';
import { applyAdoptionRule, claimOf, takeOverOf, type Occupant } from '../../../provider/resources/adoption';
import { assignmentOccupant, declaredUsers } from '../../../provider/resources/assignment-occupant';
import type { ResourceContext } from '../../../provider/resources/resource';
import type { Session } from '../../../provider/session';
import { UNKNOWN, type TfObject } from '../../../provider/server/values';
import { TenantLists } from '../../../provider/tenant-lists';
import { emulatorPerFile } from '../../support/emulator';
import { emulatorClient } from '../../support/emulator/client';

const TENANT = 'cccccccc-0000-4000-8000-000000000014';
const GROUP = '0b1c2d3e-0000-4000-8000-000000000001';
const TYPE = 'cvi_video_interop_policy_assignment';
const OCCUPANT: Occupant = { description: 'the tenant-wide grant of PolycomServiceProviderEnabled', importId: 'global', match: { global: true } };

function contextFor(emulator: RunningEmulator, warnings: Diagnostic[]): ResourceContext {
  const client = emulatorClient(emulator, TENANT);
  const callOptions = () => ({ deadline: Date.now() + 10_000, signal: new AbortController().signal });
  const session = { tenantId: TENANT, client, lists: new TenantLists(client, callOptions), callOptions, serialized: (write: () => Promise<unknown>) => write() } as unknown as Session;
  return { session, warn: (summary, detail) => warnings.push({ severity: 'warning', summary, detail }) };
}

describe('the adoption rule', () => {
  const warnings: Diagnostic[] = [];
  const ctx = { session: { tenantId: TENANT }, warn: (summary: string, detail: string) => warnings.push({ severity: 'warning', summary, detail }) } as unknown as ResourceContext;

  beforeEach(() => (warnings.length = 0));

  it('lets a create into an empty scope pass without a word', () => {
    expect(applyAdoptionRule(ctx, TYPE, 'taken', claimOf({ take_over: null }), undefined, 'apply')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('refuses an occupied scope naming the import command and the take_over opt-in', () => {
    let thrown: unknown;
    try {
      applyAdoptionRule(ctx, TYPE, 'Policy assignment already exists', claimOf({ take_over: null }), OCCUPANT, 'plan');
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(DiagnosticError);
    expect((thrown as DiagnosticError).detail).toContain(
      `tenant ${TENANT}: the tenant-wide grant of PolycomServiceProviderEnabled already exists: import it with \`terraform import <address> global\``,
    );
    expect((thrown as DiagnosticError).detail).toContain('or set take_over = true on this resource');
  });

  it('takes an occupied scope over with take_over = true, saying so at plan and at apply', () => {
    expect(applyAdoptionRule(ctx, TYPE, 'taken', claimOf({ take_over: true }), OCCUPANT, 'plan')).toBe(OCCUPANT);
    expect(applyAdoptionRule(ctx, TYPE, 'taken', claimOf({ take_over: true }), OCCUPANT, 'apply')).toBe(OCCUPANT);

    expect(warnings.map((w) => w.summary)).toEqual([`Will take over ${OCCUPANT.description}`, `Took over ${OCCUPANT.description}`]);
    expect(warnings[1].detail).toContain('the tenant-wide grant of PolycomServiceProviderEnabled already exists and take_over = true');
  });

  it('leaves an unknown take_over to the apply', () => {
    expect(takeOverOf({ take_over: UNKNOWN })).toBeUndefined();
    expect(applyAdoptionRule(ctx, TYPE, 'taken', claimOf({ take_over: UNKNOWN }), OCCUPANT, 'plan')).toBeUndefined();
    expect(() => applyAdoptionRule(ctx, TYPE, 'taken', claimOf({ take_over: UNKNOWN }), OCCUPANT, 'apply')).toThrow(DiagnosticError);
  });

  it('reads declared users from a set or a map keyed by user', () => {
    expect(declaredUsers(['a@contoso.com', 'b@contoso.com'])).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(declaredUsers({ 'a@contoso.com': 'x' })).toEqual(['a@contoso.com']);
    expect(declaredUsers(null)).toEqual([]);
  });
});

describe('what holds the scope of a new policy assignment', () => {
  const emulator = emulatorPerFile({ candidates: ['tenantGrantRead', 'userSearch'] });
  const warnings: Diagnostic[] = [];
  let ctx: ResourceContext;

  beforeAll(() => {
    ctx = contextFor(emulator, warnings);
  });

  beforeEach(() => {
    warnings.length = 0;
    ctx.session.lists.forget('');
  });

  it('finds nothing in a tenant at its defaults', async () => {
    const planned: TfObject[] = [
      { policy_name: 'PexipServiceProviderEnabled', global: true },
      { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP },
      { policy_name: 'PexipServiceProviderEnabled', users: ['erin@contoso.com'] },
    ];

    for (const p of planned) expect(await assignmentOccupant(ctx, p, 'plan')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('finds a non-default tenant-wide grant, whatever policy it is', async () => {
    emulator.tenant(TENANT).setTenantPolicy('PexipServiceProviderEnabled');

    const found = await assignmentOccupant(ctx, { policy_name: 'PexipServiceProviderEnabled', global: true }, 'apply');

    expect(found).toEqual({ description: 'the tenant-wide grant of PexipServiceProviderEnabled', importId: 'global', match: { global: true } });
    emulator.tenant(TENANT).setTenantPolicy(null);
  });

  it('finds a grant of this policy type to the group, with its import id', async () => {
    emulator.tenant(TENANT).setGroupPolicy(GROUP, 'CiscoServiceProviderEnabled', 1);

    const found = await assignmentOccupant(ctx, { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP.toUpperCase() }, 'plan');

    expect(found?.importId).toBe(`group/${GROUP}`);
    expect(found?.description).toBe(`the grant of CiscoServiceProviderEnabled to group ${GROUP} (rank 1)`);
    emulator.tenant(TENANT).deleteGroupPolicy(GROUP);
  });

  it('finds declared users already holding the policy directly, by one user search', async () => {
    emulator.tenant(TENANT).setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');
    emulator.log.reset();

    const found = await assignmentOccupant(ctx, { policy_name: 'PexipServiceProviderEnabled', users: ['alice@contoso.com', 'Bob@contoso.com'] }, 'plan');

    expect(found?.importId).toBe('users/PexipServiceProviderEnabled/Bob@contoso.com');
    expect(emulator.log.total(TENANT)).toBe(1);
    emulator.tenant(TENANT).setUserPolicy('bob@contoso.com', null);
  });
});

describe('a tenant whose service refuses the candidate reads', () => {
  const emulator = emulatorPerFile();
  const warnings: Diagnostic[] = [];
  let ctx: ResourceContext;

  beforeAll(() => {
    ctx = contextFor(emulator, warnings);
  });

  it('checks neither the tenant-wide scope nor the users, reads no user one by one, and says so', async () => {
    emulator.tenant(TENANT).setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');
    emulator.log.reset();

    const global = await assignmentOccupant(ctx, { policy_name: 'PexipServiceProviderEnabled', global: true }, 'plan');
    const users = await assignmentOccupant(ctx, { policy_name: 'PexipServiceProviderEnabled', users: ['bob@contoso.com'] }, 'plan');

    expect([global, users]).toEqual([undefined, undefined]);
    expect(warnings.map((w) => w.summary)).toEqual(['Could not check whether the scope is taken', 'Could not check whether the scope is taken']);
    expect(emulator.log.entries().filter((e) => e.route.startsWith('/Skype.User/users/')).map((e) => e.route)).toEqual([]);
  });
});
