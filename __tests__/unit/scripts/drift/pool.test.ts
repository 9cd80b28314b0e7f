import { mapWithConcurrency } from '../../../../scripts/drift/pool';

describe('bounded concurrency', () => {
  test('never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    expect(peak).toBe(3);
  });

  test('keeps results in the order of the input, whatever order they finish in', async () => {
    const results = await mapWithConcurrency([30, 1, 15], 3, async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms;
    });
    expect(results).toEqual([30, 1, 15]);
  });
});
