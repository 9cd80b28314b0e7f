/**
 * Declared SRV records against the answers of a resolver, per owner name. A record is matched
 * by target and port (what a caller dials); priority and weight are then compared. An answer
 * the file does not declare is a difference too: callers would be sent there.
 */
import type { DeclaredSrvRecord } from '../../constructs/tenant-srv-records';
import type { DnsReadout, Part, SrvAnswer } from '../../reader';
import type { Check, Difference } from './model';

const subjectOf = (owner: string, r: { target: string; port: number }) => `SRV ${owner} -> ${r.target}:${r.port}`;

export function compareDns(declared: readonly DeclaredSrvRecord[], dns: Part<DnsReadout>): Check[] {
  if (declared.length === 0) return [];
  if (dns.status !== 'read') {
    return declared.map((r) => ({ area: 'dns' as const, subject: subjectOf(r.owner, r), status: 'unreadable' as const, reason: dns.reason }));
  }
  const checks: Check[] = [];
  const owners = [...new Set(declared.map((r) => r.owner))];
  for (const owner of owners) {
    const wanted = declared.filter((r) => r.owner === owner);
    const set = dns.value.recordSets.find((s) => s.owner === owner);
    const answers = set?.answers ?? { status: 'unreadable' as const, reason: `${owner} was not queried` };
    if (answers.status !== 'read') {
      for (const r of wanted) checks.push({ area: 'dns', subject: subjectOf(owner, r), status: answers.status, reason: answers.reason });
      continue;
    }
    checks.push(...compareOwner(owner, wanted, answers.value));
  }
  return checks;
}

function compareOwner(owner: string, wanted: readonly DeclaredSrvRecord[], answers: readonly SrvAnswer[]): Check[] {
  const left = [...answers];
  const take = (match: (a: SrvAnswer) => boolean) => {
    const i = left.findIndex(match);
    return i < 0 ? undefined : left.splice(i, 1)[0];
  };
  const checks: Check[] = [];
  const unmatched: DeclaredSrvRecord[] = [];
  for (const r of wanted) {
    const found = take((a) => a.target === r.target && a.port === r.port);
    if (found) checks.push(fieldCheck(owner, r, found));
    else unmatched.push(r);
  }
  // Same target on another port: one record whose port changed, not one missing and one extra.
  for (const r of unmatched) {
    const found = take((a) => a.target === r.target);
    if (found) checks.push(fieldCheck(owner, r, found));
    else checks.push({ area: 'dns', subject: subjectOf(owner, r), status: 'missing', reason: `no SRV record for ${r.target}:${r.port} at ${owner}` });
  }
  for (const extra of left) {
    checks.push({
      area: 'dns',
      subject: subjectOf(owner, extra),
      status: 'different',
      differences: [{ field: 'record', expected: null, found: `${extra.priority} ${extra.weight} ${extra.port} ${extra.target}` }],
      reason: 'a record the tenant file does not declare',
    });
  }
  return checks;
}

function fieldCheck(owner: string, r: DeclaredSrvRecord, found: SrvAnswer): Check {
  const differences: Difference[] = [];
  for (const field of ['port', 'priority', 'weight'] as const) {
    if (r[field] !== found[field]) differences.push({ field, expected: r[field], found: found[field] });
  }
  const subject = subjectOf(owner, r);
  return differences.length === 0 ? { area: 'dns', subject, status: 'ok' } : { area: 'dns', subject, status: 'different', differences };
}
