/**
 * The exported tenant as YAML text: the notes as comments at the top, then the sections in
 * the order a person reads them. Deterministic (no date, no order taken from a hash), so an
 * export of an unchanged tenant gives the same bytes.
 */
import { stringify } from 'yaml';
import { printable } from '../../stacks/safe-text';
import type { ExportedTenant } from './tenant-file';

export function renderTenantFile(tenantId: string, exported: ExportedTenant): string {
  const header = [`# Written by cvi export from the live tenant ${tenantId}. Review it before the first deploy.`];
  if (exported.notes.length > 0) {
    header.push('# Found in the tenant but not expressed here, or assumed:');
    for (const note of exported.notes) header.push(`#   - ${printable(note)}`);
  }
  return `${header.join('\n')}\n${stringify(exported.file, { lineWidth: 0 })}`;
}
