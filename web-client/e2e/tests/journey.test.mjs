// The whole journey of a person in real Chromium against the real local stack.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, eventually, launchBrowser, startStack, token, TOKEN_SECONDS } from './harness.mjs';
import { answerRedFlags, assertAccessible, checkScreen, finishSession, playRemainingExercises, playSession, signIn, tabTo } from './pages.mjs';

let stack;

/** The keys of the program this device keeps (IndexedDB), read in the page; none while the app has not created it. */
function programKeys() {
  return new Promise((ok) => {
    const open = indexedDB.open('backrelief');
    open.onupgradeneeded = () => open.transaction.abort(); // not there yet: do not create it (the app does, at its version)
    open.onerror = () => ok([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('program')) return (db.close(), ok([]));
      const request = db.transaction('program').objectStore('program').getAllKeys();
      request.onsuccess = () => (db.close(), ok(request.result.map(String)));
      request.onerror = () => (db.close(), ok([]));
    };
  });
}

let browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.clock.install();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
  page.on('response', (r) => (r.status() >= 500 || r.status() === 429) && console.error('answer:', r.status(), r.url()));
  return { context, page };
}

describe('web client', () => {
  it('a new person signs in, passes the red-flag screen, gets a program, plays a session and sees it in progress', async () => {
    const { context, page } = await newPage();
    await page.goto(stack.gateway + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkScreen(page, 'home', 'home');

    await signIn(page, 'e2e-alice', undefined, 'Sign in to start your program');
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(stored, /eyJ[\w-]+\.eyJ/, 'tokens are kept in memory only');
    await page.getByLabel("I can't get down to the floor").check();
    await page.getByLabel("I can't get down to the floor").uncheck();
    await answerRedFlags(page, ['saddleNumbness']);
    await checkScreen(page, 'get started', 'get-started');
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('heading', { name: 'Get medical help now' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start session' }).count(), 0, 'no routine on an urgent sign');
    await checkScreen(page, 'urgent', 'urgent');

    await page.getByRole('button', { name: 'Review my answers' }).click();
    await answerRedFlags(page, ['historyOfCancer']);
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('heading', { name: 'Please see a clinician first' }).waitFor();
    await checkScreen(page, 'see a clinician', 'clinician');
    await page.getByLabel('A clinician has checked me and cleared me to exercise').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    await checkScreen(page, 'today', 'today');

    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('rowheader', { name: /^Week 6, level/ }).waitFor();
    // the calendar is one tab stop; the arrow keys move between days and the chosen day is described
    const chosen = page.locator('.calendar td[tabindex="0"]');
    assert.equal(await chosen.count(), 1);
    const startCell = await chosen.getAttribute('data-cell');
    await chosen.focus();
    await page.keyboard.press('ArrowDown');
    const [r, c] = startCell.split('-').map(Number);
    await page.waitForFunction((cell) => document.activeElement?.getAttribute('data-cell') === cell, `${r + 1}-${c}`, { timeout: 5_000 });
    await page.keyboard.press('ArrowUp');
    assert.match(await page.getByTestId('calendar-detail').textContent(), /^Week \d+, .*: Planned, level \d+/);
    await checkScreen(page, 'plan', 'plan');

    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('link', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).waitFor();
    await checkScreen(page, 'player: pain before');
    await playSession(page, { shootPlayer: true });
    await checkScreen(page, 'player: how did it go');
    await finishSession(page);
    await page.getByRole('heading', { name: 'Session recorded' }).waitFor();
    const decision = await page.locator('.lead[role=status]').textContent();
    assert.match(decision, /program moves on|stays at this level|steps back/);
    await checkScreen(page, 'decision', 'decision');

    await page.getByRole('link', { name: 'See your progress' }).click();
    await eventually(async () => {
      // tokens live in memory: re-open the screen instead of reloading the page
      await page.getByRole('link', { name: 'Today', exact: true }).click();
      await page.getByRole('link', { name: 'Progress', exact: true }).click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      return (await page.getByTestId('history').locator('li').count()) === 1;
    }, { timeoutMs: 30_000, intervalMs: 1_000 }).catch(async (e) => {
      throw new Error('the finished session never showed in progress: ' + e);
    });
    assert.match(await page.getByTestId('records').textContent(), /Longest session: \d+ min/);
    assert.match(await page.locator('figcaption', { hasText: 'sessions done' }).textContent(), /^1 of \d+ sessions done/);
    await checkScreen(page, 'progress', 'progress');

    // the next-day pain check-in on the plan screen: about the session just finished
    const checkInsSent = [];
    page.on('response', async (r) => {
      if (r.request().method() === 'POST' && r.url().endsWith('/api/v1/me/checkins') && r.status() === 201) {
        // the service worker forwards the request, so its body is not visible here: the answers tell what arrived
        checkInsSent.push({ answer: await r.json(), at: Date.now() });
      }
    });
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: 'How is your back today?' }).waitFor();
    await page.locator('input[name=checkin]').nth(2).check();
    await assertAccessible(page, 'check-in');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thanks, noted.').waitFor();
    const bearer = await token(stack, 'e2e-alice');
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const checkIns = async () => (await api(stack, `/me/pain-trend?from=${day(-1)}&to=${day(1)}`, { bearer: await token(stack, 'e2e-alice') })).json.summary?.checkIns;
    await eventually(async () => (await checkIns()) >= 1, { timeoutMs: 30_000 });
    assert.ok(checkInsSent[0].answer.sessionId, 'the check-in names the session it is about');
    assert.ok(Math.abs(Date.parse(checkInsSent[0].answer.recordedAt) - checkInsSent[0].at) < 10_000,
      'sent at once: the arrival time counts');

    // offline: progress as this device last saw it, and a check-in that waits on the device and is sent once
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByText('Your program as this device last saw it.').waitFor();
    assert.equal(await page.getByTestId('history').locator('li').count(), 1);
    await checkScreen(page, 'progress offline');
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: 'How is your back today?' }).waitFor();
    // answered two minutes ago by the device's clock (set to the real time: the player's fast-forwards moved it ahead)
    const answeredAt = Date.now() - 120_000;
    await page.clock.setSystemTime(answeredAt);
    await page.locator('input[name=checkin]').nth(4).check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('it is saved on this device').waitFor();
    await page.getByTestId('queued-checkins').waitFor();
    await checkScreen(page, 'check-in offline', 'checkin-offline', page.getByText('it is saved on this device'));
    await page.clock.setSystemTime(Date.now());
    await context.setOffline(false);
    await page.getByTestId('queued-checkins').waitFor({ state: 'detached', timeout: 20_000 });
    await eventually(async () => (await checkIns()) >= 2, { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(await checkIns(), 2, 'the offline check-in arrived exactly once');
    const late = checkInsSent.at(-1);
    assert.equal(late.answer.sessionId, checkInsSent[0].answer.sessionId, 'about the same session');
    assert.ok(Math.abs(Date.parse(late.answer.recordedAt) - answeredAt) < 5_000,
      'it carries the time it was answered, not the time it arrived');
    await context.close();
  });

  it('a completion made offline is sent exactly once when the device is back online', async () => {
    const { context, page } = await newPage();
    await page.goto(stack.gateway + '/');
    await signIn(page, 'e2e-olivia', undefined, 'Sign in to start your program');
    await answerRedFlags(page, []);
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('link', { name: 'Start session' }).click();
    await playSession(page);

    await context.setOffline(true);
    await finishSession(page);
    await page.getByText('Your session is saved on this device').waitFor();
    await page.getByTestId('queued').waitFor();

    await context.setOffline(false);
    await page.getByTestId('queued').waitFor({ state: 'detached', timeout: 20_000 });

    const bearer = await token(stack, 'e2e-olivia');
    const plan = await api(stack, '/me/plans/current', { bearer });
    assert.equal(plan.status, 200);
    assert.equal(plan.json.sessions.filter((s) => s.status === 'COMPLETED').length, 1);
    const history = await eventually(async () => {
      const h = await api(stack, '/me/history', { bearer });
      return h.json.total >= 1 ? h : null;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal((await api(stack, '/me/history', { bearer })).json.total, 1, 'exactly one completion arrived');
    assert.equal(history.json.items.length, 1);
    await context.close();
  });

  it('opened offline (reload, token gone): today and the player come from the device; after signing in again the completion arrives once', async () => {
    const { context, page } = await newPage();
    await page.goto(stack.gateway + '/');
    await signIn(page, 'e2e-owen', undefined, 'Sign in to start your program');
    await answerRedFlags(page, []);
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await eventually(() => page.evaluate(programKeys).then((keys) => keys.filter((k) => k.startsWith('exercise:')).length >= 3));

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByText("will sync when you're back").waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'the token did not survive the reload');
    await page.getByRole('link', { name: 'Start session' }).click();
    await playSession(page);
    await finishSession(page);
    await page.getByText('Your session is saved on this device').waitFor();
    await page.getByTestId('queued').waitFor();
    await checkScreen(page, 'queued offline', 'offline-queued');
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('rowheader', { name: /^Week 6, level/ }).waitFor();

    await context.setOffline(false);
    await signIn(page, 'e2e-owen', undefined, 'Sign in and send');
    await page.getByTestId('queued').waitFor({ state: 'detached', timeout: 20_000 });
    const bearer = await token(stack, 'e2e-owen');
    // the banner may not have counted the waiting completion yet right after the sign-in: wait for the server
    const completed = async () => (await api(stack, '/me/plans/current', { bearer })).json.sessions.filter((s) => s.status === 'COMPLETED').length;
    await eventually(async () => (await completed()) >= 1, { timeoutMs: 20_000 });
    assert.equal(await completed(), 1);
    await eventually(async () => (await api(stack, '/me/history', { bearer })).json.total >= 1);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal((await api(stack, '/me/history', { bearer })).json.total, 1, 'exactly one completion arrived');
    await context.close();
  });

  it('busy and unavailable answers wait Retry-After, a rejected token is renewed silently, the player keeps the screen on and can be muted', async () => {
    const { context, page } = await newPage();
    await page.addInitScript(() => {
      window.__wakeLocks = 0;
      window.__beeps = 0;
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: { request: async () => (window.__wakeLocks++, { release: async () => undefined, addEventListener() {} }) },
      });
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args) {
        window.__beeps++;
        return start.apply(this, args);
      };
    });
    await page.goto(stack.gateway + '/');
    await signIn(page, 'e2e-nina', undefined, 'Sign in to start your program');

    // saving the profile meets a 503 with Retry-After: 30 — said in plain words, nothing typed is lost; the next try
    // meets a 429 with Retry-After: 1 — the client waits and saves it by itself
    await page.locator('input[name=minutesPerSession]').fill('35');
    await answerRedFlags(page, []);
    const busy = (status, seconds) => ({
      status, headers: { 'Retry-After': String(seconds), 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Busy', status }),
    });
    const profileAnswers = [busy(503, 30), busy(429, 1)];
    const profilePuts = [];
    await page.route('**/api/v1/me/profile', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      // the page's own clock (Playwright's, which the client's wait runs on)
      profilePuts.push({ at: await page.evaluate(() => Date.now()), body: route.request().postData() });
      const answer = profileAnswers.shift();
      if (answer) await route.fulfill(answer);
      else await route.continue();
    });
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByText('unavailable right now. Please try again in 30 seconds').waitFor();
    assert.equal(await page.locator('input[name=minutesPerSession]').inputValue(), '35', 'what was typed is kept');
    assert.ok(await page.locator('input[name=saddleNumbness]').nth(1).isChecked(), 'the answers are kept');
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    assert.equal(profilePuts.length, 3);
    assert.ok(profilePuts[2].at - profilePuts[1].at >= 1_000, 'waited Retry-After before saving again');
    assert.equal(profilePuts[2].body, profilePuts[0].body, 'the same answers each time');
    await page.unroute('**/api/v1/me/profile');
    assert.equal((await api(stack, '/me/profile', { bearer: await token(stack, 'e2e-nina') })).json.minutesPerSession, 35);

    // 429 then 503, each with Retry-After: 1 — the plan still opens, after waiting
    const answers = [
      { status: 429, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Too Many Requests', status: 429 }) },
      { status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Service Unavailable', status: 503 }) },
    ];
    const seen = [];
    await page.route('**/api/v1/me/plans/current', async (route) => {
      seen.push(Date.now());
      const answer = answers.shift();
      if (answer) await route.fulfill(answer);
      else await route.continue();
    });
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('rowheader', { name: /^Week 1, level/ }).waitFor();
    assert.equal(seen.length, 3, 'asked again after each Retry-After');
    assert.ok(seen[2] - seen[0] >= 1_800, 'waited Retry-After between the attempts');
    await page.unroute('**/api/v1/me/plans/current');

    // a Retry-After longer than the client waits: said in plain words, with the time
    await page.route('**/api/v1/me/stats', (route) => route.fulfill({ status: 503, headers: { 'Retry-After': '30', 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Service Unavailable', status: 503 }) }));
    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    await page.getByText('unavailable right now. Please try again in 30 seconds').waitFor();
    await page.unroute('**/api/v1/me/stats');

    // the gateway rejects the token once: the client renews it with the refresh token, without a sign-in page
    const bearers = [];
    let rejected = false;
    await page.route('**/api/v1/me/sessions/next', async (route) => {
      bearers.push(route.request().headers().authorization);
      if (!rejected) {
        rejected = true;
        await route.fulfill({ status: 401, headers: { 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: 'Unauthorized', status: 401 }) });
      } else await route.continue();
    });
    const refresh = page.waitForRequest((r) => r.url().endsWith('/backrelief/token') && /grant_type=refresh_token/.test(r.postData() ?? ''));
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await refresh;
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    assert.equal(bearers.length, 2);
    assert.notEqual(bearers[0], bearers[1], 'sent again with the renewed token');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.unroute('**/api/v1/me/sessions/next');

    // the player: Wake Lock while it runs, sounds until muted, skip with a reason
    await page.getByRole('link', { name: 'Start session' }).click();
    await page.getByRole('radio', { name: '2' }).first().check();
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.locator('.player').waitFor();
    // requested from an effect after the player renders: wait for it rather than read it at once
    await eventually(async () => (await page.evaluate(() => window.__wakeLocks)) >= 1, { timeoutMs: 5_000, intervalMs: 100 })
      .catch(() => assert.fail('the screen is kept awake during the session'));
    const beeps = () => page.evaluate(() => window.__beeps);
    const act = async () => {
      const rep = page.getByRole('button', { name: 'Done one rep' });
      const start = page.getByRole('button', { name: /^(Start|Resume)$/ });
      if (await rep.isVisible()) await rep.click();
      else if (await start.isVisible()) {
        await start.click();
        await page.clock.fastForward(31 * 60_000);
      } else await page.locator('.controls button.primary', { hasText: /^(Next|Done)$/ }).last().click();
    };
    await page.getByRole('button', { name: 'Mute sounds' }).click();
    assert.equal(await page.getByRole('button', { name: 'Turn sounds on' }).getAttribute('aria-pressed'), 'true');
    const before = await beeps();
    for (let i = 0; i < 3; i++) await act();
    assert.equal(await beeps(), before, 'muted: no sound');
    await page.getByRole('button', { name: 'Turn sounds on' }).click();
    await eventually(async () => (await act(), (await beeps()) > before), { timeoutMs: 20_000, intervalMs: 100 });

    const title = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByRole('button', { name: 'Skip this exercise' }).click();
    await checkScreen(page, 'skip form');
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.getByText('Please check the highlighted answers.').waitFor();
    await page.getByLabel('Why are you skipping it?').fill('My knee hurts today');
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, title);

    // the completion meets a 503 with Retry-After: 12 (longer than the client waits at once): it waits on the
    // device and is sent by itself once Retry-After has passed — with the same Idempotency-Key, arriving once
    const completionKeys = [];
    await page.route('**/api/v1/me/sessions/*/completion', async (route) => {
      completionKeys.push(route.request().headers()['idempotency-key']);
      if (completionKeys.length === 1) await route.fulfill(busy(503, 12));
      else await route.continue();
    });
    await playRemainingExercises(page);
    await page.getByLabel('Notes (optional)').fill('Knee a bit sore');
    await finishSession(page);
    await page.getByText('Your session is saved on this device and will be sent by itself').waitFor();
    await page.getByTestId('queued').waitFor();
    await page.clock.fastForward(6_000);
    assert.equal(completionKeys.length, 1, 'not sent again before Retry-After');
    await page.clock.fastForward(7_000);
    await page.getByTestId('queued').waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(completionKeys.length, 2);
    assert.equal(completionKeys[1], completionKeys[0], 'the same Idempotency-Key');
    const bearer = await token(stack, 'e2e-nina');
    await eventually(async () => (await api(stack, '/me/history', { bearer })).json.total >= 1);
    await new Promise((r) => setTimeout(r, 1_500));
    const history = (await api(stack, '/me/history', { bearer })).json;
    assert.equal(history.total, 1, 'exactly one completion arrived');
    const plan = (await api(stack, '/me/plans/current', { bearer })).json;
    assert.equal(plan.sessions.filter((s) => s.status === 'COMPLETED').length, 1);
    await context.close();
  });

  it('renews the short-lived token before it expires: no 401, no sign-in page', async () => {
    const { context, page } = await newPage();
    const bearers = [];
    const unauthorized = [];
    page.on('request', (r) => r.url().includes('/api/v1/') && r.headers().authorization && bearers.push(r.headers().authorization));
    page.on('response', (r) => r.status() === 401 && unauthorized.push(r.url()));
    await page.goto(stack.gateway + '/');
    await signIn(page, 'e2e-rita', undefined, 'Sign in to start your program');
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
    const first = await eventually(async () => bearers[0]);
    const expiresAt = JSON.parse(Buffer.from(first.split('.')[1], 'base64url').toString()).exp * 1000;
    assert.ok(expiresAt - Date.now() <= TOKEN_SECONDS * 1000, 'a short-lived token');
    const renewal = await page.waitForRequest(
      (r) => r.url().endsWith('/backrelief/token') && /grant_type=refresh_token/.test(r.postData() ?? ''),
      { timeout: TOKEN_SECONDS * 1000 },
    );
    assert.ok(Date.now() < expiresAt - 30_000, 'renewed well before the token expired');
    await renewal.response();
    await answerRedFlags(page, []);
    await page.getByRole('button', { name: /build my 6-week program/ }).click();
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    assert.notEqual(bearers.at(-1), first, 'the requests after the renewal carry the new token');
    assert.deepEqual(unauthorized, [], 'never a 401');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await context.close();
  });

  it('an editor whose exercise changed meanwhile sees the other version and reapplies the change', async () => {
    const { context, page } = await newPage();
    await page.goto(stack.gateway + '/#/exercises/crunches');
    await signIn(page, 'e2e-erin', { groups: ['user', 'editor'] });
    await page.goto(stack.gateway + '/#/exercises/crunches');
    await page.getByRole('button', { name: 'Edit' }).click();
    // every editable field is there; change a few of different kinds
    for (const label of ['Other names (one per line)', 'Breathing cue', 'Cautions and stop rules (one per line)', 'Impact on the joints', 'Difficulty', 'Lowest level it suits', 'Done down on the floor']) {
      await page.getByLabel(label, { exact: true }).waitFor();
    }
    await checkScreen(page, 'editor', 'editor');
    await page.getByLabel('Name', { exact: true }).fill('Crunches (mine)');
    await page.getByLabel('Cautions and stop rules (one per line)').fill('Stop if it hurts.\nKeep your neck relaxed.');
    const firstDose = page.locator('fieldset.dose').first();
    await firstDose.getByRole('group', { name: 'Sets', exact: true }).getByLabel('To').fill('4');
    await page.getByLabel('Bicycle').check();

    // another editor saves first (a different field)
    const other = await token(stack, 'e2e-frank', ['user', 'editor']);
    const current = await api(stack, '/exercises/crunches');
    const changed = await api(stack, '/exercises/crunches', {
      method: 'PUT', bearer: other, headers: { 'If-Match': current.headers.get('etag') },
      body: { ...current.json, summary: 'Their summary.' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.json));

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Someone else changed this exercise' }).waitFor();
    assert.match(await page.getByTestId('my-fields').textContent(), /name, .*cautions.*equipment.*phases and doses/);
    assert.equal((await api(stack, '/exercises/crunches')).json.summary, 'Their summary.', 'nothing overwritten');
    await checkScreen(page, 'editor conflict', 'editor-conflict');
    await page.getByRole('button', { name: 'Apply my changes to their version' }).click();
    await page.getByText('Saved.').waitFor();
    const merged = (await api(stack, '/exercises/crunches')).json;
    assert.equal(merged.name, 'Crunches (mine)');
    assert.equal(merged.summary, 'Their summary.', 'their change kept');
    assert.deepEqual(merged.cautions, ['Stop if it hurts.', 'Keep your neck relaxed.']);
    assert.ok(merged.equipment.includes('BICYCLE'));
    assert.equal(merged.phases[0].dose.sets.max, 4);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit' }).count(), 0, 'signed out: no editing');
    await context.close();
  });

  it('a new person signs in, gets a program, plays a session and sees it in progress with the keyboard alone', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(stack.gateway + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, /^Sign in to start your program$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/backrelief\/authorize/);
    await tabTo(page, { name: 'username' });
    await page.keyboard.type('e2e-kim');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
    // every red-flag question starts at "No": the form can be sent as it is
    await tabTo(page, /build my 6-week program/);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Start session' }).waitFor();
    await tabTo(page, /^Start session$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Begin' }).waitFor();
    await tabTo(page, { name: 'painBefore' });
    await page.keyboard.press('ArrowRight');
    await tabTo(page, /^Begin$/);
    await page.keyboard.press('Enter');
    for (let guard = 0; guard < 1500; guard++) {
      if (await page.getByRole('heading', { name: 'How did it go?' }).isVisible()) break;
      const done = page.locator('.player .step-label', { hasText: /^Done$/ });
      if (await done.isVisible()) {
        // "Next" (or "Done" after the last exercise) under the player
        await tabTo(page, /^(Next|Done)$/);
        await page.keyboard.press('Enter');
      } else if (await page.getByRole('button', { name: 'Done one rep' }).isVisible()) {
        await tabTo(page, /^Done one rep$/);
        await page.keyboard.press('Enter');
      } else if (await page.getByRole('button', { name: /^(Start|Resume)$/ }).isVisible()) {
        await tabTo(page, /^(Start|Resume)$/);
        await page.keyboard.press('Enter');
        await page.clock.fastForward(31 * 60_000);
      } else {
        await page.clock.fastForward(1_000);
      }
    }
    await page.getByRole('heading', { name: 'How did it go?' }).waitFor();
    await tabTo(page, { name: 'painAfter' });
    await page.keyboard.press('ArrowRight');
    await tabTo(page, { name: 'exertion' });
    await page.keyboard.press('ArrowRight');
    await tabTo(page, /^Finish session$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Session recorded' }).waitFor().catch(async (e) => {
      throw new Error(`${e.message}\nthe screen said: ${await page.locator('main').innerText().catch(() => '?')}`);
    });
    await tabTo(page, /^See your progress$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const bearer = await token(stack, 'e2e-kim');
    await eventually(async () => (await api(stack, '/me/history', { bearer })).json.total === 1, { timeoutMs: 30_000 });
    await context.close();
  });

  it('anyone can try a routine and browse the exercises with the keyboard alone', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 780 }, reducedMotion: 'reduce' });
    await page.goto(stack.gateway + '/');
    // prefers-reduced-motion: nothing moves (the client has no animation, and styles.css stops any under this setting)
    assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
    await tabTo(page, /^Try a routine/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Try it: a routine for you' }).waitFor();
    await checkScreen(page, 'try it');
    await tabTo(page, /^Show my routine$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your routine' }).waitFor();
    await checkScreen(page, 'try it: the routine', 'try-it');

    await tabTo(page, /^Exercises$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Exercises' }).waitFor();
    await page.getByText(/^\d+ exercises?$/).waitFor();
    await checkScreen(page, 'exercises', 'exercises');
    await tabTo(page, /^Bird dog$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Bird dog/ }).waitFor();
    await checkScreen(page, 'exercise detail', 'exercise-detail');
    assert.deepEqual(await page.evaluate(() => document.getAnimations().map((a) => a.animationName ?? String(a))), [], 'nothing animates');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.button, button')).transitionDuration), '0s');
    await context.close();
  });
});
