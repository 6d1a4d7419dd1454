import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, valueFromASTUntyped } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { PrincipalContext } from './persisted';
import type { Clock } from './rate-limit';
import { systemClock } from './rate-limit';

/** One audit line: who ran what, over which scopes, touching which patient-adjacent measures, how it ended. */
export interface AuditRecord {
  readonly time: string;
  readonly event: 'graphql.operation';
  readonly principal: { readonly id: string; readonly kind: string } | null;
  readonly operationName: string | null;
  readonly operationType: 'query' | 'mutation' | 'subscription' | null;
  /** sha256 of the document text (matches the persisted-operation manifest). */
  readonly documentHash: string | null;
  readonly rootFields: readonly string[];
  /** Values of scope arguments (`SCOPE_ARGUMENTS`); anything not code-shaped is `<invalid>`. */
  readonly scopes: readonly string[];
  /** Patient-adjacent fields the operation selected (serviceVolume, referrals, …). */
  readonly patientAdjacentFields: readonly string[];
  readonly durationMs: number;
  /** ok: no errors; partial: data and errors; error: no data. */
  readonly outcome: 'ok' | 'partial' | 'error';
  readonly errorCodes: readonly string[];
}

/** Arguments (and input-object fields) whose values are scope codes. */
export const SCOPE_ARGUMENTS: readonly string[] = [
  'code',
  'orgCode',
  'orgCodes',
  'id',
  'ids',
  'scope',
  'scopes',
];
/** Fields under which measures derived from patient records live. */
export const PATIENT_ADJACENT_FIELDS: readonly string[] = [
  'serviceVolume',
  'referrals',
  'familyDoctors',
  'insurance',
  'indicators',
];

export interface AuditOptions {
  /** Receives one JSON line (no newline) per operation. Default: written to stdout. */
  readonly sink?: (line: string) => void;
  readonly clock?: Clock;
  readonly scopeArguments?: readonly string[];
  readonly patientAdjacentFields?: readonly string[];
}

/** What the operation asks for, found by walking its selections (fragments included). */
export interface OperationFacts {
  readonly rootFields: readonly string[];
  readonly scopes: readonly string[];
  readonly patientAdjacentFields: readonly string[];
}

const CODE_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const MAX_SCOPES = 100;

/** The code-shaped strings in a scope argument's value (strings, numbers, lists of them). */
function scopeValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(scopeValues);
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    return [CODE_SHAPE.test(text) ? text : '<invalid>'];
  }
  // A scope input object ({ kind, code }): its code.
  if (value !== null && typeof value === 'object' && 'code' in value) {
    return scopeValues((value as { code: unknown }).code);
  }
  return [];
}

/** Scope values in an argument value: the whole value if the name is a scope name, else scope-named input fields. */
function scopesIn(name: string, value: unknown, scopeNames: ReadonlySet<string>): string[] {
  if (scopeNames.has(name)) return scopeValues(value);
  if (Array.isArray(value)) return value.flatMap((item) => scopesIn('', item, scopeNames));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => scopesIn(key, inner, scopeNames));
  }
  return [];
}

/** Walks `operation` (and the fragments it spreads) for root fields, scope arguments and patient-adjacent fields. */
export function operationFacts(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: Pick<AuditOptions, 'scopeArguments' | 'patientAdjacentFields'> = {},
): OperationFacts {
  const scopeNames = new Set(options.scopeArguments ?? SCOPE_ARGUMENTS);
  const adjacentNames = new Set(options.patientAdjacentFields ?? PATIENT_ADJACENT_FIELDS);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootFields = new Set<string>();
  const scopes = new Set<string>();
  const adjacent = new Set<string>();
  const visited = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, root: boolean): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (root) rootFields.add(name);
        if (adjacentNames.has(name)) adjacent.add(name);
        for (const argument of selection.arguments ?? []) {
          const value: unknown = valueFromASTUntyped(argument.value, variables);
          for (const scope of scopesIn(argument.name.value, value, scopeNames)) {
            if (scopes.size < MAX_SCOPES) scopes.add(scope);
          }
        }
        if (selection.selectionSet) walk(selection.selectionSet, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, root);
      } else {
        const fragment = fragments.get(selection.name.value);
        const key = `${root}:${selection.name.value}`;
        if (fragment && !visited.has(key)) {
          visited.add(key);
          walk(fragment.selectionSet, root);
        }
      }
    }
  };
  walk(operation.selectionSet, true);
  return { rootFields: [...rootFields], scopes: [...scopes], patientAdjacentFields: [...adjacent].sort() };
}

/** The error codes and outcome of a response Apollo is about to send. */
function outcomeOf(
  context: GraphQLRequestContext<PrincipalContext>,
): Pick<AuditRecord, 'outcome' | 'errorCodes'> {
  const body = context.response.body;
  const result = body?.kind === 'single' ? body.singleResult : body?.initialResult;
  const errors = result?.errors ?? [];
  const codes = errors.map((error) =>
    typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
  );
  const hasData = result?.data !== undefined && result.data !== null;
  return {
    outcome: errors.length === 0 ? 'ok' : hasData ? 'partial' : 'error',
    errorCodes: [...new Set(codes)],
  };
}

/** The audit record of a finished (or failed) request. */
function recordOf(
  context: GraphQLRequestContext<PrincipalContext>,
  startedAt: number,
  endedAt: number,
  outcome: Pick<AuditRecord, 'outcome' | 'errorCodes'>,
  options: AuditOptions,
): AuditRecord {
  const principal = context.contextValue.principal;
  const operation = context.operation;
  const facts =
    context.document && operation
      ? operationFacts(context.document, operation, context.request.variables ?? {}, options)
      : { rootFields: [], scopes: [], patientAdjacentFields: [] };
  return {
    time: new Date(startedAt).toISOString(),
    event: 'graphql.operation',
    principal: principal ? { id: principal.id, kind: principal.kind } : null,
    operationName: context.operationName ?? context.request.operationName ?? null,
    operationType: operation?.operation ?? null,
    documentHash: context.queryHash ?? null,
    ...facts,
    durationMs: endedAt - startedAt,
    ...outcome,
  };
}

/** Writes a line to stdout. */
const stdoutSink = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * Apollo Server plugin: one JSON line per operation to `sink` — time, principal id and kind,
 * operation name and type, root fields, scope codes from the arguments (never other variable
 * values, never tokens), patient-adjacent fields, duration and outcome with the error codes
 * clients received (after `formatError`).
 */
export function auditPlugin<TContext extends PrincipalContext>(
  options: AuditOptions = {},
): ApolloServerPlugin<TContext> {
  const sink = options.sink ?? stdoutSink;
  const clock = options.clock ?? systemClock;
  const started = new WeakMap<object, number>();
  return {
    async requestDidStart(requestContext) {
      const startedAt = clock.now();
      started.set(requestContext.request, startedAt);
      return {
        async willSendResponse(context) {
          sink(JSON.stringify(recordOf(context, startedAt, clock.now(), outcomeOf(context), options)));
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext }) {
      const startedAt = started.get(requestContext.request) ?? clock.now();
      const outcome = { outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] } as const;
      sink(JSON.stringify(recordOf(requestContext, startedAt, clock.now(), outcome, options)));
    },
  };
}
