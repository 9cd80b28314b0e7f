/**
 * The tfplugin6.Provider methods: decode Terraform's values, hand them to the provider
 * configuration or the resource type, encode the answer with its diagnostics.
 */
import { providerConfigSchema, validateProviderConfig } from './config-schema';
import { fromThrown, PartialApplyError, toDiagnosticMessages, type Diagnostic } from './diagnostics';
import { dataSourceTypes } from './data-sources';
import type { DataSourceType } from './data-sources/data-source';
import { resourceTypes } from './resources';
import type { ResourceContext, ResourceType } from './resources/resource';
import { objectType, toSchemaMessage, completeObject } from './schema';
import type { ProviderMethods } from './server/plugin';
import type { Message } from './server/protobuf';
import { containsUnknown, decodeDynamic, decodeJsonValue, encodeDynamic, type TfObject, type WireDynamicValue } from './server/values';
import { createSession, type Session } from './session';
import { log } from './server/log';
import { stopGraceMs } from './server/parent-watch';
import { inDestroyRun } from './terraform-run';
import { readNote, removeNote } from './in-flight';
import { recordedCreate } from './recorded-create';

const configType = objectType(providerConfigSchema);

function lookup(typeName: unknown): ResourceType {
  const type = resourceTypes.find((r) => r.name === typeName);
  if (!type) throw new Error(`the cvi provider has no resource type "${String(typeName)}"`);
  return type;
}

function lookupDataSource(typeName: unknown): DataSourceType {
  const type = dataSourceTypes.find((d) => d.name === typeName);
  if (!type) throw new Error(`the cvi provider has no data source "${String(typeName)}"; it has ${dataSourceTypes.map((d) => d.name).join(', ')}`);
  return type;
}

const asObject = (dv: unknown, type: ResourceType | DataSourceType): TfObject | null =>
  decodeDynamic(dv as WireDynamicValue | undefined, objectType(type.schema)) as TfObject | null;

const encodeObject = (value: TfObject | null, type: ResourceType | DataSourceType): WireDynamicValue =>
  encodeDynamic(value === null ? null : completeObject(type.schema, value), objectType(type.schema));

export function createProviderMethods(): ProviderMethods {
  let session: Session | undefined;
  /** Set when the provider configuration had unknown values: plan without the tenant. */
  let deferredConfiguration = false;
  const stop = new AbortController();

  const context = (warnings: Diagnostic[]): ResourceContext => {
    if (!session) {
      throw new Error(
        deferredConfiguration
          ? 'the cvi provider configuration is not known yet (it depends on values known only after apply); apply what it depends on first'
          : 'the cvi provider was not configured (Terraform did not call ConfigureProvider)',
      );
    }
    return {
      session,
      warn: (summary, detail, attribute) => warnings.push({ severity: 'warning', summary, detail, attribute: attribute ? [attribute] : undefined }),
    };
  };

  /**
   * Runs a resource operation and turns anything thrown into an error diagnostic. `onError`
   * adds fields to the failed answer (the state written before a failure, for an apply).
   */
  async function guarded(
    what: string,
    run: (diagnostics: Diagnostic[]) => Promise<Message>,
    onError: (error: unknown) => Message = () => ({}),
  ): Promise<Message> {
    const warnings: Diagnostic[] = [];
    try {
      const answer = await run(warnings);
      return { ...answer, diagnostics: toDiagnosticMessages(warnings) };
    } catch (error) {
      return { ...onError(error), diagnostics: toDiagnosticMessages([...warnings, fromThrown(error, what)]) };
    }
  }

  const resourceSchemas = Object.fromEntries(resourceTypes.map((r) => [r.name, toSchemaMessage(r.schema)]));
  const dataSourceSchemas = Object.fromEntries(dataSourceTypes.map((d) => [d.name, toSchemaMessage(d.schema)]));
  // Our schema depends on nothing at run time, so Terraform may reuse the copy it already has
  // instead of asking every provider process again.
  const serverCapabilities = { getProviderSchemaOptional: true };

  return {
    GetMetadata: async () => ({
      serverCapabilities,
      resources: resourceTypes.map((r) => ({ typeName: r.name })),
      dataSources: dataSourceTypes.map((d) => ({ typeName: d.name })),
    }),

    GetProviderSchema: async () => ({ provider: toSchemaMessage(providerConfigSchema), resourceSchemas, dataSourceSchemas, serverCapabilities }),

    ValidateProviderConfig: async (req) => {
      const config = decodeDynamic(req.config as WireDynamicValue, configType) as TfObject;
      return { diagnostics: toDiagnosticMessages(validateProviderConfig(config)) };
    },

    ValidateResourceConfig: async (req) => {
      const type = lookup(req.typeName);
      return { diagnostics: toDiagnosticMessages(type.validate(asObject(req.config, type) ?? {})) };
    },

    ValidateDataResourceConfig: (req) =>
      guarded('Invalid data source configuration', async (diagnostics) => {
        const type = lookupDataSource(req.typeName);
        diagnostics.push(...type.validate(asObject(req.config, type) ?? {}));
        return {};
      }),

    UpgradeResourceState: (req) =>
      guarded('Could not read stored state', async () => {
        const type = lookup(req.typeName);
        const raw = (req.rawState as { json?: Buffer } | undefined)?.json;
        if (!raw || raw.length === 0) return { upgradedState: encodeObject(null, type) };
        // Attributes we no longer know are dropped, new ones start as null; a resource whose
        // shape changed since the stored version turns the old shape into today's.
        const stored = JSON.parse(raw.toString('utf8')) as Record<string, unknown> | null;
        const version = Number(req.version ?? 0);
        const upgraded = stored !== null && type.upgrade && version < type.schema.version ? type.upgrade(stored, version) : stored;
        const state = decodeJsonValue(upgraded, objectType(type.schema)) as TfObject | null;
        return { upgradedState: encodeObject(state, type) };
      }),

    ConfigureProvider: (req) =>
      guarded('Could not configure the cvi provider', async (diagnostics) => {
        const config = decodeDynamic(req.config as WireDynamicValue, configType) as TfObject;
        const problems = validateProviderConfig(config);
        diagnostics.push(...problems);
        if (problems.length > 0) return {};
        if (containsUnknown(config)) {
          deferredConfiguration = true;
          return {};
        }
        session = await createSession(config, process.env, stop.signal);
        return {};
      }),

    ReadResource: (req) =>
      guarded('Could not read the object', async (warnings) => {
        const type = lookup(req.typeName);
        const state = asObject(req.currentState, type);
        if (state === null) return { newState: encodeObject(null, type), private: req.private };
        const ctx = context(warnings);
        const live = await type.read(ctx, state);
        // In state and read: Terraform recorded the object, so no in-flight note is needed for it,
        // unless it is held as tainted: its replacement is planned as a create the note lets adopt.
        if (live && typeof live.id === 'string' && !readNote(ctx.session.tenantId, type.name, live.id)?.tainted) {
          removeNote(ctx.session.tenantId, type.name, live.id);
        }
        return { newState: encodeObject(live, type), private: req.private };
      }),

    PlanResourceChange: (req) =>
      guarded('Could not plan the change', async (warnings) => {
        const type = lookup(req.typeName);
        const prior = asObject(req.priorState, type);
        const proposed = asObject(req.proposedNewState, type);
        if (proposed === null) return { plannedState: encodeObject(null, type) }; // destroy
        const config = asObject(req.config, type) ?? {};
        // A destroy's first plan (a refresh) plans every configured object too; none of them is
        // created, so none is checked against the tenant: a check must never block a destroy.
        const ctx = session && !inDestroyRun() ? context(warnings) : undefined;
        const outcome = await type.plan({ prior, proposed, config }, ctx);
        return {
          plannedState: encodeObject(outcome.planned, type),
          requiresReplace: outcome.requiresReplace.map((name) => ({ steps: [{ attributeName: name }] })),
          plannedPrivate: req.priorPrivate,
        };
      }),

    ApplyResourceChange: (req) =>
      guarded('Could not apply the change', async (warnings) => {
        const type = lookup(req.typeName);
        const prior = asObject(req.priorState, type);
        const planned = asObject(req.plannedState, type);
        const ctx = context(warnings);
        if (planned === null) {
          if (prior !== null) await type.delete(ctx, prior);
          if (typeof prior?.id === 'string') removeNote(ctx.session.tenantId, type.name, prior.id);
          return { newState: encodeObject(null, type) };
        }
        const applied = prior === null ? await recordedCreate(type, ctx, planned) : await type.update(ctx, prior, planned);
        return { newState: encodeObject(applied, type) };
      }, (error) => (error instanceof PartialApplyError ? { newState: encodeObject(error.state, lookup(req.typeName)) } : {})),

    ImportResourceState: (req) =>
      guarded('Could not import the object', async (warnings) => {
        const type = lookup(req.typeName);
        const state = await type.import(context(warnings), String(req.id ?? ''));
        return { importedResources: [{ typeName: type.name, state: encodeObject(state, type) }] };
      }),

    ReadDataSource: (req) =>
      guarded('Could not read the data source', async (warnings) => {
        const type = lookupDataSource(req.typeName);
        const config = asObject(req.config, type) ?? {};
        return { state: encodeObject(await type.read(context(warnings), config), type) };
      }),

    // Ctrl-C: a write in flight gets a grace period to finish (and be recorded) before it is
    // aborted; an aborted create is then read back (recorded-create.ts).
    StopProvider: async () => {
      const graceMs = stopGraceMs();
      log('info', `stop requested; calls in flight are aborted in ${graceMs} ms`);
      setTimeout(() => stop.abort(new Error(`stopped by Terraform (interrupt) after a ${graceMs} ms grace period`)), graceMs).unref();
      return {};
    },
  };
}
