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

/** axe in the light and the dark theme (prefers-color-scheme): the dark one really applies, with enough contrast. */
export async function assertAccessibleInBothThemes(page, screen) {
  await assertAccessible(page, screen);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)', `dark theme on ${screen}`);
    await assertAccessible(page, `${screen} (dark)`);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', `light theme on ${screen}`);
}

/** Every control a finger uses is at least 44 × 44 px on a 360 px wide phone (radios and checkboxes: their label). */
export async function assertTouchTargets(page, screen) {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    const small = await page.evaluate(() => {
      const selector = [
        'button', 'a.button', 'nav a', '.brand', 'select', 'textarea', 'summary', '.exercise-list a', '.calendar td',
        'input:not([type=radio]):not([type=checkbox]):not([type=hidden])', 'label.check', 'label.chip',
        'input[type=radio]:not(label input)', 'input[type=checkbox]:not(label input)',
      ].join(', ');
      const found = [];
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if ((r.width === 0 && r.height === 0) || r.right <= 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.width < 43.5 || r.height < 43.5) {
          const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 40);
          found.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className.split(' ')[0] : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return found;
    });
    assert.deepEqual(small, [], `touch targets under 44 px at 360 px on ${screen}`);
  } finally {
    await page.setViewportSize(original);
  }
}

/** Everything checked on a main screen: axe in both themes, touch targets at 360 px, then the screenshots. */
export async function checkScreen(page, screen, shot, subject) {
  await assertAccessibleInBothThemes(page, screen);
  await assertTouchTargets(page, screen);
  if (shot) await shoot(page, shot, subject);
}

/**
 * Screenshots of the screen at 360 px and 1280 px wide; `subject` (a locator), when the screen's point lies below the
 * fold, is scrolled to the middle of each shot.
 */
export async function shoot(page, name, subject) {
  const original = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    if (subject) await subject.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
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
  if (shootPlayer) {
    await page.locator('.player').waitFor();
    await checkScreen(page, 'player: exercise', 'player');
  }
  await playRemainingExercises(page);
}

/** Plays the exercises of a session that is under way, to "How did it go?". */
export async function playRemainingExercises(page) {
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByRole('heading', { name: 'How did it go?' }).isVisible()) return;
    await finishExercise(page);
    await page.locator('.controls button.primary', { hasText: /^(Next|Done)$/ }).last().click();
  }
  throw new Error('session did not end');
}

/** Finishes the current exercise: start countdowns and let them run, count reps, until "Done" appears. */
async function finishExercise(page) {
  for (let inner = 0; inner < 80; inner++) {
    const start = page.getByRole('button', { name: /^(Start|Resume)$/ });
    const rep = page.getByRole('button', { name: 'Done one rep' });
    const finished = page.locator('.player .step-label', { hasText: /^Done$/ });
    if (await finished.isVisible()) return;
    if (await start.isVisible()) {
      await start.click();
      await page.clock.fastForward(31 * 60_000);
    } else if (await rep.isVisible()) {
      await rep.click();
    } else {
      await page.clock.fastForward(1_000);
    }
  }
}

export async function finishSession(page) {
  await page.locator('input[name=painAfter]').nth(2).check();
  await page.locator('input[name=exertion]').nth(5).check();
  await page.getByRole('button', { name: 'Finish session' }).click();
}

/**
 * Moves the focus with Tab (or Shift+Tab) until the focused element matches (it may already): a RegExp on its text, or an object of
 * attributes (e.g. { name: 'painAfter' }). Throws when it cannot be reached.
 */
export async function tabTo(page, target, key = 'Tab') {
  for (let i = 0; i < 200; i++) {
    if (i > 0) await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { text: (el?.textContent || el?.getAttribute('aria-label') || el?.value || '').trim(), name: el?.getAttribute('name') ?? '' };
    });
    if (target instanceof RegExp ? target.test(focused.text) : Object.entries(target).every(([k, v]) => focused[k] === v)) return;
  }
  throw new Error('could not reach ' + (target instanceof RegExp ? target : JSON.stringify(target)) + ' with ' + key);
}
