/** The provider notices that terraform, its parent, is gone (provider/server/parent-watch.ts). */
import { stopGraceMs, watchParent } from '../../../provider/server/parent-watch';

describe('watching the parent process', () => {
  it('reports a parent that is no longer the parent, once', async () => {
    const gone: number[] = [];
    const formerParent = process.ppid + 1;

    await new Promise<void>((resolve) => watchParent((pid) => (gone.push(pid), resolve()), 5, formerParent));
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(gone).toEqual([formerParent]);
  });

  it('stays quiet while the parent is there', async () => {
    const gone: number[] = [];
    const stop = watchParent((pid) => gone.push(pid), 5);

    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();

    expect(gone).toEqual([]);
  });

  it('takes the grace period from CVI_STOP_GRACE_MS, 10 s otherwise', () => {
    expect([stopGraceMs({}), stopGraceMs({ CVI_STOP_GRACE_MS: '0' }), stopGraceMs({ CVI_STOP_GRACE_MS: '2500' }), stopGraceMs({ CVI_STOP_GRACE_MS: 'soon' })]).toEqual([10_000, 0, 2500, 10_000]);
  });
});
