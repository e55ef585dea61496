import { startFleet, type Fleet } from './support/fleet-fixture';

jest.setTimeout(60_000);

describe('widget on demanding host pages', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet();
  });
  afterAll(() => fleet.stop());

  async function launcherStyle(path: string) {
    const page = await (await fleet.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${fleet.site.origin}${path}`);
    const launcher = page.locator('.launcher');
    await launcher.waitFor();
    const style = await launcher.evaluate((node) => {
      const css = getComputedStyle(node);
      const root = getComputedStyle(node.parentElement as Element);
      return { width: css.width, background: css.backgroundColor, color: css.color, zIndex: root.zIndex, position: root.position };
    });
    await page.context().close();
    return style;
  }

  it('when the page has a strict CSP (no inline styles), then the widget is still fully styled', async () => {
    expect(await launcherStyle('/csp.html')).toMatchObject({ width: '60px', background: 'rgb(15, 118, 110)', color: 'rgb(255, 255, 255)', position: 'fixed' });
  });

  it('when the page sets --vocalia-primary and --vocalia-z-index, then they win and the icon color keeps AA contrast', async () => {
    expect(await launcherStyle('/themed.html')).toMatchObject({ background: 'rgb(253, 224, 71)', color: 'rgb(0, 0, 0)', zIndex: '77' });
  });
});
