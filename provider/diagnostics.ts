/**
 * Diagnostics: what went wrong, where, and what to do next. Resources throw
 * `DiagnosticError` for errors and call `warn` for warnings; the service turns both into the
 * protocol's Diagnostic messages. Text comes from our code and the Teams client's errors,
 * which never carry a token or secret.
 */
import type { Message } from './server/protobuf';
import type { TfObject } from './server/values';
import { SEVERITY_ERROR, SEVERITY_WARNING } from './server/protocol';

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  /** Path to the attribute at fault, e.g. ['policy_name']. */
  readonly attribute?: readonly string[];
}

export class DiagnosticError extends Error {
  constructor(
    readonly summary: string,
    readonly detail: string,
    readonly attribute?: readonly string[],
  ) {
    super(`${summary}: ${detail}`);
  }
}

/**
 * Recognises the Teams client's typed errors by name, so resource code can react to them
 * without loading the client (and @azure/identity) for calls that never use it.
 */
export function isTeamsError(error: unknown, name: 'ConflictError' | 'NotFoundError' | 'UnknownPolicyError' | 'BatchAssignmentError'): boolean {
  return error instanceof Error && error.name === name;
}

/**
 * Thrown by create, update or delete after something was already written in the tenant: the
 * service answers Terraform with `state` (what now exists, or null when nothing does) together
 * with the error, so Terraform records the object (tainted after a create) instead of
 * forgetting it. Without it an interrupted apply leaves an object no state knows about.
 * `S`: the object's shape. A resource's own code throws it with its typed model; the adapter of
 * resource.ts turns that into Terraform's object before the error leaves the resource.
 */
export class PartialApplyError<S = TfObject> extends Error {
  constructor(
    /** The object as it now stands in the tenant; null when the write is known not to have happened. */
    readonly state: S | null,
    /** What went wrong; a DiagnosticError keeps its summary and attribute. */
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'PartialApplyError';
  }
}

export const errorAt = (attribute: string, summary: string, detail: string): Diagnostic => ({
  severity: 'error',
  summary,
  detail,
  attribute: [attribute],
});

/** Converts anything thrown into one error diagnostic, without a stack trace. */
export function fromThrown(error: unknown, summary: string): Diagnostic {
  if (error instanceof PartialApplyError) return fromThrown(error.reason, summary);
  if (error instanceof DiagnosticError) {
    return { severity: 'error', summary: error.summary, detail: error.detail, attribute: error.attribute };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { severity: 'error', summary, detail };
}

export function toDiagnosticMessages(diagnostics: readonly Diagnostic[]): Message[] {
  return diagnostics.map((d) => ({
    severity: d.severity === 'error' ? SEVERITY_ERROR : SEVERITY_WARNING,
    summary: d.summary,
    detail: d.detail,
    attribute: d.attribute ? { steps: d.attribute.map((name) => ({ attributeName: name })) } : undefined,
  }));
}
