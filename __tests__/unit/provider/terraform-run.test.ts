/** Telling a destroy run from terraform's command line (see provider/terraform-run.ts). */
import { isDestroyCommand, parentCommandLine } from '../../../provider/terraform-run';

describe('a destroy run', () => {
  it.each([
    [['terraform', 'destroy', '-auto-approve']],
    [['/usr/bin/terraform', '-chdir=stacks/contoso', 'destroy']],
    [['terraform', 'plan', '-destroy', '-out', 'tfplan']],
    [['terraform', 'apply', '-destroy', '-auto-approve']],
  ])('is recognised in %j', (argv) => {
    expect(isDestroyCommand(argv)).toBe(true);
  });

  it.each([
    [['terraform', 'plan']],
    [['terraform', 'apply', '-auto-approve', '-var', 'name=destroy']],
    [['terraform', 'apply', 'destroy.tfplan']],
    [['terraform']],
  ])('is not seen in %j', (argv) => {
    expect(isDestroyCommand(argv)).toBe(false);
  });

  it("reads a process's command line, and answers null where it cannot", () => {
    expect(parentCommandLine(process.pid)).toEqual(expect.arrayContaining([expect.stringMatching(/node|jest/)]));
    expect(parentCommandLine(process.pid, 'win32')).toBeNull();
  });
});
