import { parseArgs } from '../../../../scripts/commands/emulator';

describe('cvi emulator options for the open questions of the evidence', () => {
  test('when candidates are named, then the emulator answers those candidate reads', () => {
    const parsed = parseArgs(['--candidate', 'userSearch', '--candidate', 'tenantGrantRead', '--refuse-group-assignment']);

    expect(parsed.options.candidates).toEqual(['userSearch', 'tenantGrantRead']);
    expect(parsed.options.refuseGroupAssignment).toBe(true);
  });

  test('given an unknown candidate, when parsing, then the error names the allowed ones', () => {
    expect(() => parseArgs(['--candidate', 'usersWithPolicy'])).toThrow('--candidate must be one of userSearch, tenantGrantRead, got "usersWithPolicy"');
  });

  test('given no candidate option, when parsing, then no candidate read is on', () => {
    expect(parseArgs([]).options.candidates).toBeUndefined();
  });
});
