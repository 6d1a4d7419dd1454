import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { buildFixture } from '../fixtures/build';
import { quietLogger } from '../helpers/quiet';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('playground (GraphiQL served by the gateway, offline) in headless Chromium', () => {
  let stack: RunningStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
    stack = await startStack({
      sources: await buildFixture('sqlite', 'hag_browser'),
      port: 0,
      logger: quietLogger(),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  test('runs the preloaded example query and shows the indicator for 安康市 and its counties', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.gateway.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${stack.gateway.url}/`);
    await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
    const response = page.locator('.graphiql-response');
    await response.getByText('"display": "61.54"').waitFor({ timeout: 20_000 });
    // The result pane is CodeMirror, which renders only the visible lines: read its whole value.
    const text = await page.evaluate(() => {
      const el = document.querySelector('.graphiql-response .CodeMirror') as unknown as {
        CodeMirror: { getValue(): string };
      };
      return el.CodeMirror.getValue();
    });
    const result = JSON.parse(text) as {
      data: {
        region: {
          name: string;
          indicators: Array<{
            nameZh: string;
            numerator: number;
            denominator: number;
            display: string;
            status: string;
          }>;
          children: Array<{ name: string; indicators: Array<{ display: string }> }>;
        };
      };
    };
    // 安康市: 8 primary-care visits of 13 = 61.54 %; 汉滨区 3/5 = 60 %; 汉阴县 5/8 = 62.5 %
    const { region } = result.data;
    expect(region.name).toBe('安康市');
    expect(region.indicators[0]).toMatchObject({
      nameZh: '城乡基层医疗卫生机构诊疗量占比',
      numerator: 8,
      denominator: 13,
      display: '61.54',
      status: 'OK',
    });
    expect(region.children.map((c) => [c.name, c.indicators[0].display])).toEqual([
      ['汉滨区', '60.00'],
      ['汉阴县', '62.50'],
    ]);
    expect(foreign).toEqual([]);
  });
});
