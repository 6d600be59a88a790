// Renders a model to the PNG the README shows, with bpmn-js in Debian's headless Chromium:
//   npm install --no-save --no-package-lock bpmn-js@17 playwright-core
//   node docs/render-diagram.js processes/vulnerability-handling.bpmn docs/vulnerability-handling.png
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
(async () => {
  const [input, output] = process.argv.slice(2);
  const xml = fs.readFileSync(input, 'utf8');
  const viewer = fs.readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
  const assets = path.join(path.dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js')), 'assets');
  const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
    .map(f => path.join(assets, f)).filter(fs.existsSync).map(f => fs.readFileSync(f, 'utf8')).join('\n');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 2200, height: 560 }, deviceScaleFactor: 2 });
  await page.setContent(`<html><head><style>${css} html,body,#c{margin:0;width:100%;height:100%;background:#fff}</style></head><body><div id="c"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
  const result = await page.evaluate(async (xml) => {
    const v = new BpmnJS({ container: '#c' });
    window.viewer = v;
    const { warnings } = await v.importXML(xml);
    const inner = v.get('canvas').viewbox().inner;
    return { warnings: warnings.map(w => w.message), width: inner.width, height: inner.height };
  }, xml);
  if (result.warnings.length) console.log('warnings:', result.warnings);
  // the picture takes the diagram's proportions, 2200 pixels wide at most
  const width = Math.min(2200, Math.ceil(result.width) + 40);
  const height = Math.ceil(result.height * (width - 40) / result.width) + 40;
  await page.setViewportSize({ width, height });
  await page.evaluate(() => { const canvas = window.viewer.get('canvas'); canvas.resized(); canvas.zoom('fit-viewport', 'auto'); });
  await page.waitForTimeout(300);
  await page.screenshot({ path: output });
  await browser.close();
})();
