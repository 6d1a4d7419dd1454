import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { ValidationRule } from 'graphql';

/**
 * Stable `extensions.code`s of the query-shape limits. graphql-armor itself reports every
 * rejection as `BAD_USER_INPUT`; these codes say which limit was hit. Apollo wraps validation
 * errors as `GRAPHQL_VALIDATION_FAILED` (HTTP 400) with the error below as `originalError`, so a
 * `formatError` that walks `originalError` for known codes (schema/errors.ts) surfaces them.
 */
export const ArmorErrorCode = {
  /** 查询嵌套过深 — more nested selections than `maxDepth`. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** 别名过多 — more aliased fields than `maxAliases` (ask a list field instead). */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** 查询代价过高 — the estimated cost exceeds `maxCost`. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** 查询过长 — the document has more lexical tokens than `maxTokens`. */
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** 指令过多 — more directives than `maxDirectives`. */
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
} as const;
export type ArmorErrorCode = (typeof ArmorErrorCode)[keyof typeof ArmorErrorCode];

/** Weights of graphql-armor's cost estimate (see README.md for how a query is priced). */
export interface CostFactors {
  /** Cost of a field with a selection set. */
  readonly objectCost: number;
  /** Cost of a leaf field. */
  readonly scalarCost: number;
  /** Each level of nesting multiplies the cost of the level below by this factor. */
  readonly depthCostFactor: number;
}

export interface ArmorOptions {
  /** Deepest selection nesting allowed (introspection's `__schema` is not counted). Default 15. */
  readonly maxDepth?: number;
  /** Aliased fields allowed in one operation (`__typename` aliases are free). Default 30. */
  readonly maxAliases?: number;
  /** Highest estimated cost allowed. Default 20 000. */
  readonly maxCost?: number;
  /** Default { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } (graphql-armor's own). */
  readonly costFactors?: Partial<CostFactors>;
  /** Lexical tokens allowed in one document. Default 5 000. Enforced by `tokenLimitMiddleware`. */
  readonly maxTokens?: number;
  /** Directives allowed in one operation. Default 50. */
  readonly maxDirectives?: number;
  /** Production: hide "Did you mean …?" field suggestions (they leak the schema). Default false. */
  readonly production?: boolean;
}

/** The defaults of `ArmorOptions`. */
export const ARMOR_DEFAULTS = {
  maxDepth: 15,
  maxAliases: 30,
  maxCost: 20_000,
  costFactors: { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
  maxTokens: 5_000,
  maxDirectives: 50,
  production: false,
} as const;

export interface ArmorProtection {
  /** Apollo Server plugins (`hideSuggestionsPlugin` in production). */
  readonly plugins: ApolloServerPlugin<BaseContext>[];
  /** Validation rules for `new ApolloServer({ validationRules })`: depth, aliases, cost, directives. */
  readonly validationRules: ValidationRule[];
  /** The token limit, for `tokenLimitMiddleware` and `parseOptions.maxTokens`. */
  readonly maxTokens: number;
}

/** graphql-armor's configuration and its reject callback (derived: the types package is not a direct dependency). */
type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>[number];

/** An armor reject callback that reports the rejection under our stable code. */
function reportAs(code: ArmorErrorCode): RejectCallback {
  return (context, error) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
    );
  };
}

/** graphql-js's hint after a misspelt field, argument, type or enum value: `Did you mean "a", "b", or "c"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo Server plugin that strips graphql-js's "Did you mean …?" hints from error messages (they
 * reveal the schema with introspection off). graphql-armor's own plugin leaves a stray "?" behind.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/**
 * graphql-armor configured for this gateway. Depth, alias, cost and directive limits are
 * validation rules that report our stable codes. Armor's own Apollo token-limit plugin is
 * switched off: it throws from `parsingDidStart`, which Apollo treats as an unexpected error
 * (HTTP 500), and its `unexpectedErrorProcessingRequest` hook relabels every unexpected error as
 * a validation failure. Tokens are limited before Apollo instead (`tokenLimitMiddleware`, and
 * `parseOptions.maxTokens`). Field suggestions are hidden by `hideSuggestionsPlugin`.
 */
export function armorPlugins(options: ArmorOptions = {}): ArmorProtection {
  const costFactors = { ...ARMOR_DEFAULTS.costFactors, ...options.costFactors };
  const armor = new ApolloArmor({
    maxDepth: {
      n: options.maxDepth ?? ARMOR_DEFAULTS.maxDepth,
      propagateOnRejection: false,
      onReject: [reportAs(ArmorErrorCode.QUERY_TOO_DEEP)],
    },
    maxAliases: {
      n: options.maxAliases ?? ARMOR_DEFAULTS.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs(ArmorErrorCode.TOO_MANY_ALIASES)],
    },
    costLimit: {
      maxCost: options.maxCost ?? ARMOR_DEFAULTS.maxCost,
      ...costFactors,
      propagateOnRejection: false,
      onReject: [reportAs(ArmorErrorCode.QUERY_TOO_COSTLY)],
    },
    maxDirectives: {
      n: options.maxDirectives ?? ARMOR_DEFAULTS.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportAs(ArmorErrorCode.TOO_MANY_DIRECTIVES)],
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules } = armor.protect();
  return {
    plugins: (options.production ?? ARMOR_DEFAULTS.production) ? [hideSuggestionsPlugin()] : [],
    validationRules,
    maxTokens: options.maxTokens ?? ARMOR_DEFAULTS.maxTokens,
  };
}
