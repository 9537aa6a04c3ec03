// Starts the real local stack (./run.sh: Kafka, MongoDB, OIDC provider, the four services) on free ports and a real
// Chromium (Debian's /usr/bin/chromium) driven by playwright-core. Shared by every test file of this run.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const shotsDir = resolve(here, '../target/screenshots');
mkdirSync(shotsDir, { recursive: true });

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

/** How long the e2e stack's tokens live. */
export const TOKEN_SECONDS = 90;

export async function startStack() {
  if (process.env.E2E_GATEWAY) {
    // an already running stack (development): E2E_GATEWAY=http://localhost:35080 E2E_ISSUER=http://localhost:35090/backrelief
    return { gateway: process.env.E2E_GATEWAY, issuer: process.env.E2E_ISSUER, async stop() {} };
  }
  const names = ['GATEWAY', 'CATALOG', 'PLANNER', 'TRACKING', 'KAFKA', 'KAFKA_CONTROLLER', 'MONGO', 'OIDC'];
  // short-lived tokens: the client must renew them before they expire (automaticSilentRenew, a minute before)
  const env = { ...process.env, BACKRELIEF_DATA_DIR: mkdtempSync(join(tmpdir(), 'backrelief-e2e-')), BACKRELIEF_OIDC_TOKEN_SECONDS: String(TOKEN_SECONDS) };
  delete env.MONGODB_URI;
  delete env.KAFKA_BOOTSTRAP_SERVERS;
  for (const name of names) env[`BACKRELIEF_${name}_PORT`] = String(await freePort());
  const child = spawn('bash', [join(repoRoot, 'run.sh'), 'up'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`stack not ready in 240 s:\n${output}`)), 240_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('READY')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`stack exited with ${code}:\n${output}`));
    });
  });
  const gateway = `http://localhost:${env.BACKRELIEF_GATEWAY_PORT}`;
  const issuer = `http://localhost:${env.BACKRELIEF_OIDC_PORT}/backrelief`;
  return {
    gateway,
    issuer,
    env,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((ok) => child.on('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 60_000))]);
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A token from the stack's OIDC provider (the same way ./run.sh token does it). */
export async function token(stack, user, roles = ['user']) {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: user, client_secret: 'e2e', scope: roles.join(' ') });
  const response = await fetch(`${stack.issuer}/token`, { method: 'POST', body });
  return (await response.json()).access_token;
}

export async function api(stack, path, { method = 'GET', body, bearer, headers = {} } = {}) {
  const response = await fetch(`${stack.gateway}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

export async function eventually(check, { timeoutMs = 20_000, intervalMs = 300 } = {}) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw last ?? new Error('condition not met in time');
}
