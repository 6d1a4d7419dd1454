import { dirname, join } from 'node:path';
import express from 'express';
import type { Router } from 'express';

/** The example query preloaded in the playground. */
export const EXAMPLE_QUERY = `# 城乡基层医疗卫生机构诊疗量占比 — 安康市 and its counties, first half of 2019
query PrimaryCareShare {
  region(code: "610900") {
    code
    name
    indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) {
      nameZh
      value
      display
      numerator
      denominator
      unit
      status
      target { comparator value met source }
      citation { document section line }
      sources { id kind status }
    }
    children {
      name
      indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { display }
    }
  }
}
`;

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** The assets, all from the project's own node_modules: nothing is loaded from a CDN. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'dist/index.umd.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'dist/style.css', type: 'text/css' },
};

function page(graphqlPath: string, headers: Record<string, string> | undefined): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>医联体与分级诊疗指标网关 · Health-alliance federation gateway</title>
<link rel="stylesheet" href="/playground/graphiql.css" />
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL… (正在加载)</div>
<script src="/playground/react.js"></script>
<script src="/playground/react-dom.js"></script>
<script src="/playground/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
    defaultHeaders: ${JSON.stringify(headers ? JSON.stringify(headers, null, 2) : '')},
    defaultEditorToolsVisibility: false,
  }));
</script>
</body>
</html>`;
}

/** GraphiQL at `GET /`, its assets at `/playground/*`: works on a machine with no internet. */
export function playgroundRouter(graphqlPath = '/graphql', headers?: Record<string, string>): Router {
  const router = express.Router();
  const html = page(graphqlPath, headers);
  router.get('/', (_req, res) => {
    res.type('html').send(html);
  });
  for (const [name, asset] of Object.entries(ASSETS)) {
    const file = join(packageDir(asset.pkg), asset.file);
    router.get(`/playground/${name}`, (_req, res) => {
      res.type(asset.type).set('cache-control', 'public, max-age=86400').sendFile(file);
    });
  }
  return router;
}
