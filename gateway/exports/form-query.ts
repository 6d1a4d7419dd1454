/**
 * The stored operation behind the form downloads: the same `evaluationForm` any client can ask,
 * so a download and the API never disagree. The gateway runs it against its own schema.
 */
export const EVALUATION_FORM_QUERY = /* GraphQL */ `
  query EvaluationFormExport(
    $form: EvaluationFormCode!
    $scope: EvaluationScopeInput!
    $period: Period!
    $part: String
  ) {
    evaluationForm(form: $form, scope: $scope, period: $period, part: $part) {
      form
      titleZh
      part
      respondentZh
      scopeKind
      scopeCode
      region {
        name
      }
      institution {
        name
        level
      }
      alliance {
        name
        kind
      }
      period
      comparedWith
      passedLogicAudit
      complete
      rows {
        key
        section
        item
        labelZh
        identity
        indicator
        display
        previousDisplay
        value {
          unit
          status
          missing
        }
      }
      logicAudit {
        code
        rowKeys
        messageZh
      }
      reasonablenessAudit {
        code
        rowKeys
        messageZh
      }
      sources {
        id
        status
      }
    }
  }
`;

/** The shape of the answer the renderers read. */
export interface ExportedForm {
  readonly form: string;
  readonly titleZh: string;
  readonly part: string;
  readonly respondentZh: string;
  readonly scopeKind: string;
  readonly scopeCode: string;
  readonly region: { readonly name: string } | null;
  readonly institution: { readonly name: string; readonly level: string } | null;
  readonly alliance: { readonly name: string; readonly kind: string | null } | null;
  readonly period: string;
  readonly comparedWith: string;
  readonly passedLogicAudit: boolean;
  readonly complete: boolean;
  readonly rows: ReadonlyArray<{
    readonly key: string;
    readonly section: readonly string[];
    readonly item: string | null;
    readonly labelZh: string;
    readonly identity: string | null;
    readonly indicator: string | null;
    readonly display: string;
    readonly previousDisplay: string;
    readonly value: {
      readonly unit: string;
      readonly status: string;
      readonly missing: string | null;
    } | null;
  }>;
  readonly logicAudit: ReadonlyArray<{
    readonly code: string;
    readonly rowKeys: readonly string[];
    readonly messageZh: string;
  }>;
  readonly reasonablenessAudit: ReadonlyArray<{
    readonly code: string;
    readonly rowKeys: readonly string[];
    readonly messageZh: string;
  }>;
  readonly sources: ReadonlyArray<{ readonly id: string; readonly status: string }>;
}
