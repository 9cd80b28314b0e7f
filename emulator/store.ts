import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { TenantState, type PersistedTenant } from './tenant-state';

/** File format of `persistPath`. */
interface PersistedFile {
  format: 'cvi-emulator/v1';
  tenants: Record<string, PersistedTenant>;
}

/**
 * Every tenant, created on first use. With a persist path, the file is loaded at start and
 * rewritten atomically (temp file + rename, so a crash never leaves half a file) once per burst
 * of changes, and always before an API answer that follows a write.
 */
export class TenantStore {
  private readonly tenants = new Map<string, TenantState>();
  private dirty = false;
  private scheduled = false;

  constructor(
    private readonly clock: () => number,
    private readonly persistPath?: string,
  ) {
    if (persistPath && existsSync(persistPath)) this.load(persistPath);
  }

  get(tenantId: string): TenantState {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = new TenantState(tenantId, this.clock, () => this.markDirty());
      this.tenants.set(tenantId, tenant);
    }
    return tenant;
  }

  ids(): string[] {
    return [...this.tenants.keys()].sort();
  }

  /** Writes the file now if anything changed since the last write. */
  flush(): void {
    if (!this.persistPath || !this.dirty) return;
    this.dirty = false;
    const data: PersistedFile = { format: 'cvi-emulator/v1', tenants: {} };
    for (const [id, tenant] of this.tenants) data.tenants[id] = tenant.toPersisted();
    mkdirSync(dirname(this.persistPath), { recursive: true });
    const temp = `${this.persistPath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    renameSync(temp, this.persistPath);
  }

  private markDirty(): void {
    if (!this.persistPath) return;
    this.dirty = true;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private load(path: string): void {
    let data: PersistedFile;
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as PersistedFile;
    } catch (err) {
      throw new Error(`emulator state file ${path}: not valid JSON (${(err as Error).message}); move it away to start empty`);
    }
    if (data?.format !== 'cvi-emulator/v1' || typeof data.tenants !== 'object' || data.tenants === null) {
      throw new Error(`emulator state file ${path}: field "format" must be "cvi-emulator/v1"; move it away to start empty`);
    }
    for (const [id, tenant] of Object.entries(data.tenants)) this.get(id).loadPersisted(tenant);
    this.dirty = false;
  }
}
