/**
 * The tenant's lists, read once per provider process and shared by every resource.
 *
 * Why: a no-change plan refreshes every resource; reading one list per tenant instead of one
 * object per resource keeps API calls growing with tenants, not resources (and Terraform
 * refreshes in parallel, so concurrent readers share the call in flight). Writes forget what
 * they changed so that later reads in the same process see the change.
 */
import type { FederationSettings, GroupAssignment, TeamsAdminClient, TenantGrantRead, VideoInteropPolicy, ServiceProvider } from '../teams';

type CallOptions = { deadline?: number; signal?: AbortSignal };

export class TenantLists {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: TeamsAdminClient,
    private readonly options: () => CallOptions,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.memo.set(key, pending);
      // A failed read is not remembered: the next caller tries again.
      pending.catch(() => this.memo.delete(key));
    }
    return pending;
  }

  serviceProviders(): Promise<ServiceProvider[]> {
    return this.once('service-providers', () => this.client.listServiceProviders(this.options()));
  }

  /** The service provider of that identity (compared as the service does: ignoring case). */
  async serviceProvider(identity: string): Promise<ServiceProvider | undefined> {
    const wanted = identity.toLowerCase();
    return (await this.serviceProviders()).find((p) => p.identity.toLowerCase() === wanted);
  }

  policies(): Promise<VideoInteropPolicy[]> {
    return this.once('policies', () => this.client.listPolicies(this.options()));
  }

  /** The tenant-wide grant, or `available: false` when the service offers no read of it. */
  tenantGrant(): Promise<TenantGrantRead> {
    return this.once('tenant-grant', () => this.client.readTenantGrant(this.options()));
  }

  /** Every group assignment of the CVI policy type: one call, however many group resources. */
  groupAssignments(): Promise<GroupAssignment[]> {
    return this.once('groups', () => this.client.listGroupAssignments(this.options()));
  }

  federation(): Promise<FederationSettings> {
    return this.once('federation', () => this.client.getFederation(this.options()));
  }

  /** Forgets cached lists whose key starts with `prefix` ('service-providers', 'groups', 'tenant-grant', 'federation'). */
  forget(prefix: string): void {
    for (const key of [...this.memo.keys()]) if (key.startsWith(prefix)) this.memo.delete(key);
  }
}
