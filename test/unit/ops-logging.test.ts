import { auditSink, consoleOf, createLogger } from '../../gateway/ops/logging';
import { runWithRequestId } from '../../gateway/ops/request-id';

function capture(): { lines: Array<Record<string, unknown>>; write: (line: string) => void } {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  test('JSON lines with the level as a word, ISO time, base fields, and the request id inside a request', () => {
    const out = capture();
    const log = createLogger({ level: 'info', destination: out, base: { service: 'hag' } });
    log.info('outside');
    runWithRequestId('req-7', () => log.warn({ source: 'hrm' }, 'inside'));
    log.debug('below the level');
    expect(
      out.lines.map(({ time, ...rest }) => ({ ...rest, iso: /^\d{4}-\d\d-\d\dT/.test(String(time)) })),
    ).toEqual([
      { level: 'info', service: 'hag', msg: 'outside', iso: true },
      { level: 'warn', service: 'hag', requestId: 'req-7', source: 'hrm', msg: 'inside', iso: true },
    ]);
  });

  test('consoleOf writes warn and info lines', () => {
    const out = capture();
    const console = consoleOf(createLogger({ level: 'info', destination: out }));
    console.warn('[sources] hrm UNREACHABLE');
    console.info('hello');
    expect(out.lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', '[sources] hrm UNREACHABLE'],
      ['info', 'hello'],
    ]);
  });

  test('an audit line goes out at info level, parsed, with its request id', () => {
    const out = capture();
    const sink = auditSink(createLogger({ level: 'info', destination: out }));
    sink(JSON.stringify({ event: 'graphql.operation', operationName: 'Q', outcome: 'ok' }), 'req-9');
    sink('not json');
    expect(out.lines.map(({ time: _time, ...rest }) => rest)).toEqual([
      {
        level: 'info',
        requestId: 'req-9',
        audit: { event: 'graphql.operation', operationName: 'Q', outcome: 'ok' },
        msg: 'graphql.operation',
      },
      { level: 'info', audit: 'not json', msg: 'graphql.operation' },
    ]);
  });
});
