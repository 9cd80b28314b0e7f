import { grantQueue } from '../../../provider/grant-queue';

describe('the grant queue of one tenant', () => {
  test('given grants arriving together, when run, then one at a time, lowest order first', async () => {
    const queue = grantQueue(20);
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      log.push(`${name} start (${running} running)`);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return name;
    };

    const results = await Promise.all([queue(task('rank 2'), 2), queue(task('rank 1'), 1), queue(task('removal'), 0)]);

    expect(results).toEqual(['rank 2', 'rank 1', 'removal']);
    expect(log).toEqual(['removal start (1 running)', 'rank 1 start (1 running)', 'rank 2 start (1 running)']);
  });

  test('given a failing grant, when the queue goes on, then the next still runs and the failure reaches its caller', async () => {
    const queue = grantQueue(1);

    const [failed, next] = await Promise.allSettled([queue(() => Promise.reject(new Error('refused')), 1), queue(async () => 'ok', 2)]);

    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(next).toEqual({ status: 'fulfilled', value: 'ok' });
  });
});
