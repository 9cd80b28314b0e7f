/**
 * How the provider and its resources describe their attributes, and the conversion of that
 * description into the protocol's Schema message.
 */
import type { Message } from './server/protobuf';
import type { TfObject, TfType, TfValue } from './server/values';

export interface AttributeSchema {
  readonly type: TfType;
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  /** Set by the provider (possibly also optional: then a default when not configured). */
  readonly computed?: boolean;
  /** Planned for a create when not configured (optional + computed attributes only). */
  readonly default?: TfValue;
  /** A change of this attribute destroys and re-creates the object. */
  readonly forcesReplacement?: boolean;
}

export interface BlockSchema {
  /** Bumped when stored state needs upgrading. */
  readonly version: number;
  readonly description: string;
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
}

export function objectType(schema: BlockSchema): TfType {
  const attributes: Record<string, TfType> = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) attributes[name] = attribute.type;
  return ['object', attributes];
}

/** The protocol's Schema message; attributes sorted by name as Terraform shows them. */
export function toSchemaMessage(schema: BlockSchema): Message {
  const attributes = Object.entries(schema.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      description: a.description,
      required: a.required ?? false,
      optional: a.optional ?? false,
      computed: a.computed ?? false,
    }));
  return { version: schema.version, block: { version: 0, attributes, description: schema.description } };
}

/** An object of the schema with every attribute present (null when not given). */
export function completeObject(schema: BlockSchema, values: Partial<TfObject>): TfObject {
  const out: TfObject = {};
  for (const name of Object.keys(schema.attributes)) out[name] = values[name] ?? null;
  return out;
}
