/** `npm run demo` is the newcomer's first impression: CI runs it to the end. */
import { runProcess } from '../../../scripts/run-process';
import { projectRoot } from '../../../scripts/project';
import { requireTerraform } from '../../../testing/terraform';

jest.setTimeout(240_000);

test('npm run demo runs to completion: deploy, clean plan, drift caught, repaired, clean again', async () => {
  requireTerraform();
  const result = await runProcess('npm', ['run', '--silent', 'demo'], { cwd: projectRoot(), env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  const story = result.stdout;
  expect({ code: result.code, stderr: result.code === 0 ? '' : `${story}\n${result.stderr}` }).toEqual({ code: 0, stderr: '' });
  expect(story).toMatch(/cvi drift exited 2: drift found, as expected/);
  expect(story).toMatch(/Apply complete! Resources: 0 added, 1 changed, 0 destroyed/);
  expect(story).toContain('cvi demo: done.');
});
