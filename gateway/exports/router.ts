import type { ApolloServer } from '@apollo/server';
import express from 'express';
import type { Request, Router } from 'express';
import type { Principal } from '../../security/principal';
import { EVALUATION_FORM_QUERY } from './form-query';
import type { ExportedForm } from './form-query';
import { renderCsv, renderXlsx } from './render';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * `GET /exports/forms/{T1..P2}.{csv|xlsx}?kind=REGION&code=610000&period=2019[&part=LEAD]`: the
 * evaluation form as a file. It runs the stored `evaluationForm` operation through the gateway's
 * own schema (same validation, same errors) and renders the answer; errors come back as JSON
 * `{ errors: [{ message, extensions: { code } }] }` with status 400.
 */
export function exportsRouter(
  server: ApolloServer<{ principal: Principal }>,
  principalOf: (req: Request) => Principal,
): Router {
  const router = express.Router();
  router.get('/exports/forms/:file', async (req, res) => {
    const match = /^([A-Z0-9]{2})\.(csv|xlsx)$/.exec(req.params.file);
    const query = req.query as Record<string, unknown>;
    const text = (name: string): string | undefined =>
      typeof query[name] === 'string' ? String(query[name]) : undefined;
    if (!match || !text('kind') || !text('code') || !text('period')) {
      res.status(400).json({
        errors: [
          {
            message:
              'Use /exports/forms/<T1|T2|T3|T4|P1|P2>.<csv|xlsx>?kind=…&code=…&period=…[&part=…] (导出参数错误)',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    const [, form, format] = match as unknown as [string, string, 'csv' | 'xlsx'];
    // As the caller: the same scope checks, limits and audit line as a POST /graphql.
    const response = await server.executeOperation(
      {
        query: EVALUATION_FORM_QUERY,
        variables: {
          form,
          scope: { kind: text('kind'), code: text('code') },
          period: text('period'),
          part: text('part'),
        },
      },
      { contextValue: { principal: principalOf(req) } },
    );
    if (response.body.kind !== 'single') {
      res.status(500).json({
        errors: [{ message: 'Unexpected incremental answer', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      return;
    }
    const { data, errors } = response.body.singleResult;
    const filled = (data as { evaluationForm?: ExportedForm } | null | undefined)?.evaluationForm;
    if (!filled) {
      res.status(400).json({ errors: errors ?? [] });
      return;
    }
    const body = format === 'csv' ? renderCsv(filled) : await renderXlsx(filled);
    const name = `${filled.form}-${filled.scopeCode}-${filled.period}${filled.part === 'MAIN' ? '' : `-${filled.part}`}.${format}`;
    res
      .status(200)
      .type(CONTENT_TYPES[format])
      .setHeader('content-disposition', `attachment; filename="${name}"`)
      .send(body);
  });
  return router;
}
