/**
 * Reading one attribute of a Terraform object into a typed model (the `*-model.ts` files). A
 * stored or planned object that Terraform hands to create, read, update, delete holds every
 * attribute in its schema's type, known (a value unknown at plan time is known at apply; the one
 * computed value a create fills in, each model types itself). A value of another shape is a bug
 * of ours or a broken state file: the error names the resource type, the attribute, the rule and
 * the value, instead of sending "null" or "[object Object]" to the service.
 */
import { DiagnosticError } from '../diagnostics';
import { isUnknown, type TfObject, type TfValue } from '../server/values';

/** The value for a message: JSON (unknown shown as such), cut to 80 characters. */
function shown(value: TfValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (isUnknown(value)) return 'a value not known until apply';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export class Attributes {
  constructor(
    /** The resource type, for messages. */
    private readonly type: string,
    private readonly object: TfObject,
  ) {}

  private wrong(name: string, rule: string): never {
    throw new DiagnosticError(
      'Unexpected state',
      `${this.type}: attribute ${name} must be ${rule}; got ${shown(this.object[name])}. The state or plan does not have this resource's shape.`,
      [name],
    );
  }

  /** The value of an attribute that may also be null (absent). */
  private nullable<T>(name: string, is: (v: TfValue) => v is TfValue & T, rule: string): T | null {
    const value = this.object[name] ?? null;
    if (value === null) return null;
    return is(value) ? value : this.wrong(name, `${rule} or null`);
  }

  string(name: string): string {
    const value = this.object[name];
    return typeof value === 'string' ? value : this.wrong(name, 'a string');
  }

  optionalString(name: string): string | null {
    return this.nullable(name, (v): v is string => typeof v === 'string', 'a string');
  }

  optionalBool(name: string): boolean | null {
    return this.nullable(name, (v): v is boolean => typeof v === 'boolean', 'true or false');
  }

  optionalNumber(name: string): number | null {
    return this.nullable(name, (v): v is number => typeof v === 'number', 'a number');
  }

  /** A set or list of strings. */
  optionalStrings(name: string): string[] | null {
    return this.nullable(name, (v): v is string[] => Array.isArray(v) && v.every((e) => typeof e === 'string'), 'a set of strings');
  }

  /** The keys of a map whose values are all true (the map is a set keyed by its members). */
  optionalKeysOfTrue(name: string): string[] | null {
    const map = this.nullable(name, (v): v is TfObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v), 'a map');
    if (map === null) return null;
    const keys = Object.keys(map);
    return keys.every((key) => map[key] === true) ? keys : this.wrong(name, 'a map of keys to true');
  }
}
