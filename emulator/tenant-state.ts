import type { WireFederation, WireGroupAssignment, WirePolicy, WireProvider } from './wire';
import { VIDEO_INTEROP_POLICY_TYPE } from './policies';
import { badRequest } from './errors';
import { cloneFederation, defaultFederation, isDefaultFederation } from './federation-rules';
import { Lagged } from './lagged';
import { BUILT_IN_POLICIES, resolvePolicyName } from './policies';
import { normaliseAppIds } from './provider-rules';
import { userKey } from './identity';
import type { EmulatedTenant } from './types';

/** At most this many groups can hold an assignment of one policy type (teams-cvi-reference.md §3). */
export const MAX_GROUPS_PER_POLICY_TYPE = 64;

export interface GroupEntry {
  GroupId: string;
  PolicyName: string;
  /** ISO-8601 time of the grant (the answer's createdTime). */
  CreatedTime?: string;
}

/** A tenant as persisted: the stored truth only (replication state is not worth keeping). */
export interface PersistedTenant {
  providers: WireProvider[];
  tenantPolicy: string | null;
  users: Record<string, string>;
  groups: GroupEntry[];
  federation: WireFederation;
  unknownUsers: string[];
}

interface UserCell {
  identity: string;
  cell: Lagged<string | null>;
}

/**
 * One tenant's objects. The API side reads what a replica would answer at `now` and writes with
 * a replication lag; the direct-access side (EmulatedTenant) sees and sets the truth at once.
 */
export class TenantState implements EmulatedTenant {
  private readonly providerCells = new Map<string, Lagged<WireProvider | undefined>>();
  private readonly tenantCell = new Lagged<string | null>(null);
  private readonly userCells = new Map<string, UserCell>();
  private readonly groupCell = new Lagged<GroupEntry[]>([]);
  private readonly federationCell = new Lagged<WireFederation>(defaultFederation());
  private readonly unknownUsers = new Set<string>();

  constructor(
    readonly tenantId: string,
    private readonly clock: () => number,
    private readonly onChange: () => void,
  ) {}

  // ---- API side: replica reads at `now`, lagged writes ----

  readServiceProviders(now: number): WireProvider[] {
    return [...this.providerCells.values()].map((c) => c.read(now)).filter((p): p is WireProvider => p !== undefined).map(copy);
  }

  readServiceProvider(identity: string, now: number): WireProvider | undefined {
    const p = this.providerCells.get(identity.toLowerCase())?.read(now);
    return p && copy(p);
  }

  /** The truth decides conflicts and not-found: the service's primary knows even if replicas lag. */
  writeServiceProvider(identity: string, value: WireProvider | undefined, now: number, lagMs: number): void {
    const key = identity.toLowerCase();
    const cell = this.providerCells.get(key) ?? new Lagged<WireProvider | undefined>(undefined);
    this.providerCells.set(key, cell);
    cell.write(value && copy(value), now, lagMs);
    this.onChange();
  }

  readTenantPolicy(now: number): string | null {
    return this.tenantCell.read(now);
  }

  writeTenantPolicy(policy: string | null, now: number, lagMs: number): void {
    this.tenantCell.write(policy, now, lagMs);
    this.onChange();
  }

  readUserPolicy(user: string, now: number): string | null {
    return this.userCells.get(userKey(user))?.cell.read(now) ?? null;
  }

  writeUserPolicy(user: string, policy: string | null, now: number, lagMs: number): void {
    const key = userKey(user);
    const entry = this.userCells.get(key) ?? { identity: user.trim(), cell: new Lagged<string | null>(null) };
    this.userCells.set(key, entry);
    entry.cell.write(policy, now, lagMs);
    this.onChange();
  }

  /** Identities whose direct assignment a replica reports as `policy`, sorted for stable paging. */
  usersWithPolicy(policy: string, now: number): string[] {
    const out: string[] = [];
    for (const { identity, cell } of this.userCells.values()) if (cell.read(now) === policy) out.push(identity);
    return out.sort();
  }

  isUnknownUser(user: string): boolean {
    return this.unknownUsers.has(userKey(user));
  }

  readGroups(now: number): GroupEntry[] {
    return this.groupCell.read(now).map((g) => ({ ...g }));
  }

  /** Primary's view of the ranked group list, which every group write starts from. */
  groupTruth(): GroupEntry[] {
    return this.groupCell.truth.map((g) => ({ ...g }));
  }

  writeGroups(groups: GroupEntry[], now: number, lagMs: number): void {
    this.groupCell.write(groups.map((g) => ({ ...g })), now, lagMs);
    this.onChange();
  }

  readFederation(now: number): WireFederation {
    return cloneFederation(this.federationCell.read(now));
  }

  federationTruth(): WireFederation {
    return cloneFederation(this.federationCell.truth);
  }

  writeFederation(federation: WireFederation, now: number, lagMs: number): void {
    this.federationCell.write(cloneFederation(federation), now, lagMs);
    this.onChange();
  }

  // ---- direct access (EmulatedTenant): the truth, changed at once ----

  providers(): WireProvider[] {
    return [...this.providerCells.values()].map((c) => c.truth).filter((p): p is WireProvider => p !== undefined).map(copy);
  }

  getServiceProvider(identity: string): WireProvider | undefined {
    const p = this.providerCells.get(identity.toLowerCase())?.truth;
    return p && copy(p);
  }

  setServiceProvider(provider: WireProvider): void {
    const stored: WireProvider = {
      Identity: provider.Identity,
      TenantKey: provider.TenantKey,
      InstructionUri: provider.InstructionUri ?? null,
      AadApplicationIds: normaliseAppIds(provider.AadApplicationIds, `provider "${provider.Identity}"`),
      AllowAppGuestJoinsAsAuthenticated: provider.AllowAppGuestJoinsAsAuthenticated ?? false,
    };
    this.writeServiceProvider(provider.Identity, stored, this.clock(), 0);
  }

  deleteServiceProvider(identity: string): boolean {
    if (!this.getServiceProvider(identity)) return false;
    this.writeServiceProvider(identity, undefined, this.clock(), 0);
    return true;
  }

  policies(): WirePolicy[] {
    return BUILT_IN_POLICIES.map((p) => ({ ...p }));
  }

  getTenantPolicy(): string | null {
    return this.tenantCell.truth;
  }

  setTenantPolicy(policyName: string | null): void {
    this.writeTenantPolicy(resolvePolicyName(policyName), this.clock(), 0);
  }

  getUserPolicy(user: string): string | null {
    return this.userCells.get(userKey(user))?.cell.truth ?? null;
  }

  setUserPolicy(user: string, policyName: string | null): void {
    this.writeUserPolicy(user, resolvePolicyName(policyName), this.clock(), 0);
  }

  userAssignments(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { identity, cell } of this.userCells.values()) if (cell.truth !== null) out[identity] = cell.truth;
    return out;
  }

  markUnknownUser(user: string): void {
    this.unknownUsers.add(userKey(user));
    this.onChange();
  }

  groupAssignments(groupId?: string): WireGroupAssignment[] {
    return toWireGroups(this.groupCell.truth).filter((g) => groupId === undefined || g.groupId.toLowerCase() === groupId.toLowerCase());
  }

  setGroupPolicy(groupId: string, policyName: string, rank?: number): void {
    const policy = resolvePolicyName(policyName);
    if (policy === null) throw badRequest(`group "${groupId}": a group assignment needs a policy name; delete the assignment instead`);
    this.writeGroups(insertGroup(this.groupTruth(), groupId, policy, rank), this.clock(), 0);
  }

  deleteGroupPolicy(groupId: string): boolean {
    const groups = this.groupTruth();
    const kept = groups.filter((g) => g.GroupId.toLowerCase() !== groupId.toLowerCase());
    if (kept.length === groups.length) return false;
    this.writeGroups(kept, this.clock(), 0);
    return true;
  }

  getFederation(): WireFederation {
    return this.federationTruth();
  }

  setFederation(federation: WireFederation): void {
    this.writeFederation(federation, this.clock(), 0);
  }

  isEmpty(): boolean {
    return (
      this.providers().length === 0 &&
      this.tenantCell.truth === null &&
      Object.keys(this.userAssignments()).length === 0 &&
      this.groupCell.truth.length === 0 &&
      isDefaultFederation(this.federationCell.truth)
    );
  }

  // ---- persistence ----

  toPersisted(): PersistedTenant {
    return {
      providers: this.providers(),
      tenantPolicy: this.tenantCell.truth,
      users: this.userAssignments(),
      groups: this.groupTruth(),
      federation: this.federationTruth(),
      unknownUsers: [...this.unknownUsers],
    };
  }

  loadPersisted(data: PersistedTenant): void {
    const now = this.clock();
    for (const p of data.providers ?? []) this.providerCells.set(p.Identity.toLowerCase(), new Lagged<WireProvider | undefined>(copy(p)));
    this.tenantCell.write(data.tenantPolicy ?? null, now, 0);
    for (const [identity, policy] of Object.entries(data.users ?? {})) {
      this.userCells.set(userKey(identity), { identity, cell: new Lagged<string | null>(policy) });
    }
    this.groupCell.write(data.groups ?? [], now, 0);
    this.federationCell.write(data.federation ?? defaultFederation(), now, 0);
    for (const u of data.unknownUsers ?? []) this.unknownUsers.add(userKey(u));
  }
}

/**
 * Puts a group at `rank` (1 = highest precedence), removing its previous place first, and
 * renumbers the rest, as Grant-CsGroupPolicyAssignment -Rank does.
 */
export function insertGroup(groups: GroupEntry[], groupId: string, policy: string, rank?: number): GroupEntry[] {
  const rest = groups.filter((g) => g.GroupId.toLowerCase() !== groupId.toLowerCase());
  if (rest.length >= MAX_GROUPS_PER_POLICY_TYPE) {
    throw badRequest(`group "${groupId}": at most ${MAX_GROUPS_PER_POLICY_TYPE} groups can hold a ${VIDEO_INTEROP_POLICY_TYPE} assignment; remove one first`);
  }
  // Rank 0 or none (the module sends 0 when no -Rank is given, §7) lands last.
  const index = rank === undefined || rank === 0 ? rest.length : Math.min(rank, rest.length + 1) - 1;
  rest.splice(index, 0, { GroupId: groupId, PolicyName: policy, CreatedTime: dotNetTime(new Date()) });
  return rest;
}

/** §7's time format, `yyyy-MM-ddTHH:mm:ss.fffffffK`: seven fractional digits. */
export function dotNetTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** §7 answer keys, camelCase; the rank is the place in the list. */
export function toWireGroups(groups: GroupEntry[]): WireGroupAssignment[] {
  return groups.map((g, i) => ({
    groupId: g.GroupId,
    priority: i + 1,
    policyType: VIDEO_INTEROP_POLICY_TYPE,
    policyName: g.PolicyName,
    createdBy: 'emulator',
    createdTime: g.CreatedTime ?? dotNetTime(new Date(0)),
  }));
}

function copy(p: WireProvider): WireProvider {
  return { ...p };
}
