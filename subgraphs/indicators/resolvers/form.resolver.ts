import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ScopeLevel } from '../../../schema/catalog';
import { ErrorCode, userError } from '../../../schema/errors';
import { boundForms, evaluationForms } from '../../../schema/forms/shipped';
import type { Period } from '../../../schema/period';
import { PeriodScalar, toDivisionCode, toOrgCode } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import type { IndicatorsContext } from '../context';
import { evaluateForm } from '../engine/form';
import { accessOf } from '../../common/access';
import type { GuardedScope } from '../../common/access';
import { EvaluationFormCode } from '../types/definition';
import { EvaluationForm, EvaluationScopeInput } from '../types/form';
import { toEvaluationForm } from './form-mappers';

/** The level of a division from its GB/T 2260 code: 610000 province, 610900 city, 610902 county. */
export function divisionLevel(code: string): ScopeLevel {
  if (code.endsWith('0000')) return 'PROVINCE';
  return code.endsWith('00') ? 'CITY' : 'COUNTY';
}

/** The scope level of a form request, with its code checked; ALLIANCE_LEAD is internal. */
export function scopeLevel(scope: EvaluationScopeInput): ScopeLevel {
  switch (scope.kind) {
    case ScopeKind.REGION:
      return divisionLevel(toDivisionCode(scope.code));
    case ScopeKind.INSTITUTION:
      toOrgCode(scope.code);
      return 'INSTITUTION';
    case ScopeKind.ALLIANCE:
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(scope.code)) {
        throw userError(
          ErrorCode.BAD_USER_INPUT,
          'An alliance id has 1–32 letters, digits, - or _ (医联体编号格式错误)',
        );
      }
      return 'ALLIANCE';
    default:
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Scope kind ${scope.kind} is internal: use REGION, INSTITUTION or ALLIANCE (范围类型不适用)`,
      );
  }
}

@Resolver()
export class EvaluationFormResolver {
  @Query(() => EvaluationForm, {
    nullable: true,
    description:
      '考核表 Fill an evaluation form of seed 004 (表1–表4, 2018 P1/P2) for one scope and period: every row in order with its value or missing reason, the logic audit (表内表间审核) and the reasonableness audit (合理性审核, against the same period last year). Errors: UNKNOWN_FORM, FORM_NOT_APPLICABLE, INVALID_DIVISION_CODE, INVALID_ORG_CODE, INVALID_PERIOD, PERIOD_IN_FUTURE.',
  })
  async evaluationForm(
    @Arg('form', () => EvaluationFormCode, {
      description: '表号 Form: T1 province, T2 city, T3/T4 alliance hospitals, P1/P2 2018 performance',
    })
    form: EvaluationFormCode,
    @Arg('scope', () => EvaluationScopeInput, { description: '考核范围 Whom the form is filled for' })
    scope: EvaluationScopeInput,
    @Arg('period', () => PeriodScalar, { description: '统计期 Period: 2019, 2019H1, 2019Q3 or 2019-06' })
    period: Period,
    @Arg('part', () => String, {
      nullable: true,
      description: '填报部分 Part of the form (表3/表4: LEAD 牵头医院 or MEMBER 成员单位); default the first',
    })
    part: string | undefined,
    @Ctx() ctx: IndicatorsContext,
  ): Promise<EvaluationForm> {
    const definition = evaluationForms.find((f) => f.code === form);
    const rows = boundForms.get(form as EvaluationFormCode);
    if (!definition || !rows)
      throw userError(ErrorCode.UNKNOWN_FORM, `Form ${form} is not shipped (考核表不存在)`);
    const level = scopeLevel(scope);
    if (!definition.scopes.includes(level)) {
      throw userError(
        ErrorCode.FORM_NOT_APPLICABLE,
        `Form ${form} is filled for ${definition.scopes.join('/')}, not for a ${level} scope (考核表不适用于该范围)`,
        { form, level },
      );
    }
    const chosen = part ? definition.parts.find((p) => p.code === part) : definition.parts[0];
    if (!chosen) {
      throw userError(
        ErrorCode.UNKNOWN_FORM,
        `Form ${form} has parts ${definition.parts.map((p) => p.code).join(', ')} (填报部分不存在)`,
        { form },
      );
    }
    await accessOf(ctx).assert(scope.kind as GuardedScope, scope.code);
    const filled = await evaluateForm(ctx, definition, rows, chosen, scope.kind, scope.code, period);
    return toEvaluationForm(filled);
  }
}
