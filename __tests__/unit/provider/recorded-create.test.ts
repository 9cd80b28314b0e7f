/**
 * Creates Terraform can always account for: the in-flight note written before the write, and
 * what an interrupted create answers (provider/recorded-create.ts, provider/in-flight.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticError, PartialApplyError, type Diagnostic } from '../../../provider/diagnostics';
import { earlierNote, notePath, readNote, removeNote, writeNote } from '../../../provider/in-flight';
import { outcomeUnknown, recordedCreate } from '../../../provider/recorded-create';
import type { ResourceContext, ResourceType } from '../../../provider/resources/resource';
import type { Session } from '../../../provider/session';
import { UNKNOWN, type TfObject } from '../../../provider/server/values';

const TENANT = 'dddddddd-0000-4000-8000-000000000014';
const TYPE = 'cvi_video_interop_service_provider';
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('in-flight notes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-notes-'));
    mkdirSync(join(dir, '.terraform'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the object by tenant, type and id, without regard to the id case, and holds nothing else', () => {
    const path = writeNote(TENANT, TYPE, 'Pexip', dir);

    expect(path).toBe(notePath(TENANT, TYPE, 'pexip', dir));
    expect(readNote(TENANT, TYPE, 'PEXIP', dir)).toEqual({ tenantId: TENANT, type: TYPE, id: 'Pexip', startedAt: expect.any(String), pid: process.pid });
    expect(Object.keys(JSON.parse(readFileSync(path!, 'utf8')))).toEqual(['tenantId', 'type', 'id', 'startedAt', 'pid']);
    expect(readNote(TENANT, 'cvi_federation_allowed_domain', 'Pexip', dir)).toBeUndefined();
  });

  it('proves an earlier cut-off create only when another process wrote it, and is never overwritten by a later create', () => {
    const path = notePath(TENANT, TYPE, 'Pexip', dir);
    writeNote(TENANT, TYPE, 'Pexip', dir);
    expect(earlierNote(TENANT, TYPE, 'Pexip', dir)).toBeUndefined();

    writeFileSync(path, JSON.stringify({ tenantId: TENANT, type: TYPE, id: 'Pexip', startedAt: '2026-01-01T00:00:00.000Z', pid: process.pid + 1 }));
    writeNote(TENANT, TYPE, 'Pexip', dir);

    expect(earlierNote(TENANT, TYPE, 'Pexip', dir)?.startedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is gone once removed', () => {
    writeNote(TENANT, TYPE, 'Pexip', dir);
    removeNote(TENANT, TYPE, 'Pexip', dir);

    expect(readNote(TENANT, TYPE, 'Pexip', dir)).toBeUndefined();
  });

  it('is not written outside a Terraform working directory', () => {
    rmSync(join(dir, '.terraform'), { recursive: true });

    expect(writeNote(TENANT, TYPE, 'Pexip', dir)).toBeUndefined();
  });
});

describe('an outcome the provider cannot know', () => {
  it.each([[named('AbortError', 'The operation was aborted')], [named('DeadlineExceededError')], [named('LostResponseError')], [named('ServiceError')], ['a string']])(
    'follows %p',
    (error) => expect(outcomeUnknown(error)).toBe(true),
  );

  it.each([[named('ConflictError')], [named('UnknownPolicyError')], [Object.assign(new Error('bad request'), { status: 400 })], [new DiagnosticError('Tenant federates with nobody', 'x')]])(
    'does not follow a refusal: %p',
    (error) => expect(outcomeUnknown(error)).toBe(false),
  );
});

describe('a create', () => {
  const planned: TfObject = { id: 'Pexip', identity: 'Pexip', tenant_key: 'teams@contoso.com', allow_app_guest_joins_as_authenticated: false, take_over: null };
  let dir: string;
  const warnings: Diagnostic[] = [];
  const ctx = {
    session: { tenantId: TENANT, client: {}, callOptions: () => ({ deadline: Date.now() + 1000, signal: new AbortController().signal }) } as unknown as Session,
    warn: (summary: string, detail: string) => warnings.push({ severity: 'warning', summary, detail }),
  } as ResourceContext;
  const typeWith = (create: () => Promise<TfObject>, read: () => Promise<TfObject | null>) => ({ name: TYPE, create, read }) as unknown as ResourceType;

  beforeEach(() => {
    warnings.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'cvi-create-'));
    mkdirSync(join(dir, '.terraform'));
    process.env.CVI_READBACK_MS = '300';
  });
  afterEach(() => {
    delete process.env.CVI_READBACK_MS;
    rmSync(dir, { recursive: true, force: true });
  });

  it('that succeeds keeps its note until a refresh finds the object in state', async () => {
    const answer = await recordedCreate(typeWith(async () => planned, async () => null), ctx, planned, dir);

    expect(answer).toBe(planned);
    expect(readNote(TENANT, TYPE, 'Pexip', dir)).toBeDefined();
  });

  it('refused by the service removes its note and passes the error on', async () => {
    const refusal = named('ConflictError', 'provider Pexip already exists');

    await expect(recordedCreate(typeWith(async () => Promise.reject(refusal), async () => null), ctx, planned, dir)).rejects.toBe(refusal);
    expect(readNote(TENANT, TYPE, 'Pexip', dir)).toBeUndefined();
  });

  it('answered with partial state keeps its note, marked tainted, so the replacement of the tainted object may adopt what it holds', async () => {
    const partial = new PartialApplyError({ ...planned, tenant_key: 'old@contoso.com' }, new DiagnosticError('Some users could not be assigned', 'x'));

    await expect(recordedCreate(typeWith(async () => Promise.reject(partial), async () => null), ctx, planned, dir)).rejects.toBe(partial);
    expect(readNote(TENANT, TYPE, 'Pexip', dir)).toMatchObject({ id: 'Pexip', tainted: true });
  });

  it('cut off without an answer, then read back as planned, is answered as created with a warning', async () => {
    let reads = 0;
    const type = typeWith(
      async () => Promise.reject(named('AbortError', 'The operation was aborted')),
      async () => (++reads < 2 ? null : { ...planned, id: 'Pexip' }),
    );

    const answer = await recordedCreate(type, ctx, { ...planned, id: UNKNOWN }, dir);

    expect(answer.id).toBe('Pexip');
    expect(reads).toBe(2);
    expect(warnings.map((w) => w.summary)).toEqual([`Created, though the create was interrupted: ${TYPE} (id not known before apply)`]);
  });

  it('cut off, where the read can only echo what it was given, is not taken as created', async () => {
    const type = typeWith(async () => Promise.reject(named('AbortError', 'The operation was aborted')), async () => planned);

    await expect(recordedCreate(type, ctx, planned, dir)).rejects.toThrow(/did not find it/);
    expect(warnings).toEqual([]);
  });

  it('cut off and not found within the read-back time fails naming the object and the note that lets the next apply adopt it', async () => {
    const type = typeWith(async () => Promise.reject(named('DeadlineExceededError', 'deadline exceeded')), async () => null);

    const failure = recordedCreate(type, ctx, planned, dir);

    await expect(failure).rejects.toThrow(DiagnosticError);
    await failure.catch((error: DiagnosticError) => {
      expect(error.detail).toContain(`tenant ${TENANT}: the create of ${TYPE} Pexip ended without an answer (deadline exceeded), and a read-back within 300 ms did not find it`);
      expect(error.detail).toContain(notePath(TENANT, TYPE, 'Pexip', dir));
    });
    expect(readNote(TENANT, TYPE, 'Pexip', dir)).toBeDefined();
  });
});
