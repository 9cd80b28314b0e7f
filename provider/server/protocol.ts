/**
 * Our definition of the part of Terraform's plugin protocol 6 (package `tfplugin6`) that the
 * `cvi` provider serves, plus the go-plugin side services (controller, stdio, health).
 *
 * Written from the protocol documentation for this project. Only the field numbers and wire
 * types have to agree with Terraform; names here are ours (camelCase, as our code uses them).
 * Fields Terraform sends that we do not need are simply not listed: the decoder skips them.
 */
import type { FieldDescriptor, MessageDescriptor } from './protobuf';

const str = (no: number): FieldDescriptor => ({ no, kind: 'string' });
const bytes = (no: number): FieldDescriptor => ({ no, kind: 'bytes' });
const bool = (no: number): FieldDescriptor => ({ no, kind: 'bool' });
const int = (no: number): FieldDescriptor => ({ no, kind: 'int64' });
const enumOf = (no: number): FieldDescriptor => ({ no, kind: 'enum' });
const msg = (no: number, type: () => MessageDescriptor): FieldDescriptor => ({ no, kind: 'message', type });
const many = (no: number, type: () => MessageDescriptor): FieldDescriptor => ({ no, kind: 'message', type, repeated: true });
const mapOf = (no: number, type: () => MessageDescriptor): FieldDescriptor => ({ no, kind: 'map', type });

/** A value in Terraform's type system, encoded as msgpack (what we send) or JSON. */
export const DynamicValue: MessageDescriptor = { msgpack: bytes(1), json: bytes(2) };

/** One step into a value: an attribute by name, or a collection element by key or index. */
export const PathStep: MessageDescriptor = { attributeName: str(1), elementKeyString: str(2), elementKeyInt: int(3) };
export const AttributePath: MessageDescriptor = { steps: many(1, () => PathStep) };

/** Severity: 1 error, 2 warning. */
export const Diagnostic: MessageDescriptor = {
  severity: enumOf(1),
  summary: str(2),
  detail: str(3),
  attribute: msg(4, () => AttributePath),
};

export const Attribute: MessageDescriptor = {
  name: str(1),
  /** The attribute's type as JSON bytes, e.g. `"string"` or `["set","string"]`. */
  type: bytes(2),
  description: str(3),
  required: bool(4),
  optional: bool(5),
  computed: bool(6),
  sensitive: bool(7),
  descriptionKind: enumOf(8),
  deprecated: bool(9),
};

export const Block: MessageDescriptor = {
  version: int(1),
  attributes: many(2, () => Attribute),
  description: str(4),
  descriptionKind: enumOf(5),
  deprecated: bool(6),
};

export const Schema: MessageDescriptor = { version: int(1), block: msg(2, () => Block) };

export const ServerCapabilities: MessageDescriptor = {
  planDestroy: bool(1),
  getProviderSchemaOptional: bool(2),
  moveResourceState: bool(3),
};

const TypeName: MessageDescriptor = { typeName: str(1) };
const Empty: MessageDescriptor = {};
const DiagnosticsAt = (no: number): MessageDescriptor => ({ diagnostics: many(no, () => Diagnostic) });

/** Request and response descriptors of every tfplugin6.Provider method we answer. */
export const providerMethods: Record<string, { request: MessageDescriptor; response: MessageDescriptor }> = {
  GetMetadata: {
    request: Empty,
    response: {
      serverCapabilities: msg(1, () => ServerCapabilities),
      diagnostics: many(2, () => Diagnostic),
      dataSources: many(3, () => TypeName),
      resources: many(4, () => TypeName),
    },
  },
  GetProviderSchema: {
    request: Empty,
    response: {
      provider: msg(1, () => Schema),
      resourceSchemas: mapOf(2, () => Schema),
      dataSourceSchemas: mapOf(3, () => Schema),
      diagnostics: many(4, () => Diagnostic),
      serverCapabilities: msg(6, () => ServerCapabilities),
    },
  },
  ValidateProviderConfig: { request: { config: msg(1, () => DynamicValue) }, response: DiagnosticsAt(2) },
  ValidateResourceConfig: { request: { typeName: str(1), config: msg(2, () => DynamicValue) }, response: DiagnosticsAt(1) },
  ValidateDataResourceConfig: { request: { typeName: str(1), config: msg(2, () => DynamicValue) }, response: DiagnosticsAt(1) },
  ValidateEphemeralResourceConfig: { request: { typeName: str(1) }, response: DiagnosticsAt(1) },
  UpgradeResourceState: {
    request: { typeName: str(1), version: int(2), rawState: msg(3, () => ({ json: bytes(1) })) },
    response: { upgradedState: msg(1, () => DynamicValue), diagnostics: many(2, () => Diagnostic) },
  },
  ConfigureProvider: {
    request: { terraformVersion: str(1), config: msg(2, () => DynamicValue) },
    response: DiagnosticsAt(1),
  },
  ReadResource: {
    request: { typeName: str(1), currentState: msg(2, () => DynamicValue), private: bytes(3) },
    response: { newState: msg(1, () => DynamicValue), diagnostics: many(2, () => Diagnostic), private: bytes(3) },
  },
  PlanResourceChange: {
    request: {
      typeName: str(1),
      priorState: msg(2, () => DynamicValue),
      proposedNewState: msg(3, () => DynamicValue),
      config: msg(4, () => DynamicValue),
      priorPrivate: bytes(5),
    },
    response: {
      plannedState: msg(1, () => DynamicValue),
      requiresReplace: many(2, () => AttributePath),
      plannedPrivate: bytes(3),
      diagnostics: many(4, () => Diagnostic),
    },
  },
  ApplyResourceChange: {
    request: {
      typeName: str(1),
      priorState: msg(2, () => DynamicValue),
      plannedState: msg(3, () => DynamicValue),
      config: msg(4, () => DynamicValue),
      plannedPrivate: bytes(5),
    },
    response: { newState: msg(1, () => DynamicValue), private: bytes(2), diagnostics: many(3, () => Diagnostic) },
  },
  ImportResourceState: {
    request: { typeName: str(1), id: str(2) },
    response: {
      importedResources: many(1, () => ({ typeName: str(1), state: msg(2, () => DynamicValue), private: bytes(3) })),
      diagnostics: many(2, () => Diagnostic),
    },
  },
  ReadDataSource: {
    request: { typeName: str(1), config: msg(2, () => DynamicValue) },
    response: { state: msg(1, () => DynamicValue), diagnostics: many(2, () => Diagnostic) },
  },
  GetFunctions: { request: Empty, response: { diagnostics: many(2, () => Diagnostic) } },
  StopProvider: { request: Empty, response: { error: str(1) } },
};

/** go-plugin's stdio stream item (we never send one: our logs go to stderr). */
export const StdioData: MessageDescriptor = { channel: enumOf(1), data: bytes(2) };

/** grpc.health.v1: status 1 = SERVING. */
export const HealthCheckRequest: MessageDescriptor = { service: str(1) };
export const HealthCheckResponse: MessageDescriptor = { status: enumOf(1) };

export const EmptyMessage: MessageDescriptor = Empty;

export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;
