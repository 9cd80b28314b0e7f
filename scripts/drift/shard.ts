/**
 * `--shard i/n`: split the tenants over n CI jobs so each is checked exactly once. A tenant's
 * shard depends on its name alone (a hash), not on its position in the list, so adding or
 * removing a tenant never moves the others between jobs.
 */
import type { ShardId } from './report';

export function parseShard(text: string): ShardId {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 1000) {
    throw new Error(`--shard: must be i/n with 1 <= i <= n <= 1000, e.g. 2/4 (got ${text})`);
  }
  return { index, count };
}

/** FNV-1a, 32 bits: tiny, stable across Node versions and platforms, spreads short names well. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** 1-based shard of a tenant among `count`. */
export function shardOf(tenant: string, count: number): number {
  return (fnv1a(tenant) % count) + 1;
}

export function inShard<T extends { name: string }>(stacks: readonly T[], shard: ShardId | undefined): T[] {
  return shard ? stacks.filter((s) => shardOf(s.name, shard.count) === shard.index) : [...stacks];
}
