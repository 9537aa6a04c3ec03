// Steps a person takes, written once, used by the tests.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { shotsDir } from './harness.mjs';

/** axe-core on the current screen: no serious or critical violation. */
export async function assertAccessible(page, screen) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
    `accessibility violations on ${screen}`,
  );
}

/** Screenshots of the screen at 360 px and 1280 px wide. */
export async function shoot(page, name) {
  const original = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize(original);
}

/** Signs in through the OIDC provider's own page (any user name; optional claims choose roles). */
export async function signIn(page, user, claims, button = 'Sign in') {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(/\/backrelief\/authorize/);
  await page.locator('input[name=username]').fill(user);
  if (claims) await page.locator('textarea[name=claims]').fill(JSON.stringify(claims));
  await page.locator('input[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.includes('/backrelief/'));
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function answerRedFlags(page, yes = []) {
  const flags = ['saddleNumbness', 'newBladderOrBowelProblems', 'progressiveLegWeaknessOrNumbness', 'historyOfCancer', 'unexplainedWeightLoss', 'fever', 'recentSignificantTrauma', 'nightOrRestPain'];
  for (const flag of flags) {
    const radios = page.locator(`input[type=radio][name=${flag}]`);
    await (yes.includes(flag) ? radios.nth(0) : radios.nth(1)).check();
  }
}

/** Plays every exercise of the open session with the fake clock: timers run without real waiting. */
export async function playSession(page, { shootPlayer = false } = {}) {
  await page.getByRole('radio', { name: '3' }).first().check();
  await page.getByRole('button', { name: 'Begin' }).click();
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByRole('heading', { name: 'How did it go?' }).isVisible()) return;
    if (shootPlayer && guard === 0) {
      await assertAccessible(page, 'player: exercise');
      await shoot(page, 'player');
    }
    // finish the current exercise: start countdowns and let them run, count reps, until "Done"/"Next" appears
    for (let inner = 0; inner < 80; inner++) {
      const start = page.getByRole('button', { name: /^(Start|Resume)$/ });
      const rep = page.getByRole('button', { name: 'Done one rep' });
      const finished = page.locator('.player .step-label', { hasText: /^Done$/ });
      if (await finished.isVisible()) break;
      if (await start.isVisible()) {
        await start.click();
        await page.clock.fastForward(31 * 60_000);
      } else if (await rep.isVisible()) {
        await rep.click();
      } else {
        await page.clock.fastForward(1_000);
      }
    }
    await page.locator('.controls button.primary', { hasText: /^(Next|Done)$/ }).last().click();
  }
  throw new Error('session did not end');
}

export async function finishSession(page) {
  await page.locator('input[name=painAfter]').nth(2).check();
  await page.locator('input[name=exertion]').nth(5).check();
  await page.getByRole('button', { name: 'Finish session' }).click();
}
