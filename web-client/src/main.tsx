import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { configureApi } from './api';
import { completeSignInIfReturning, currentUser, initAuth, loadConfig, onAuthChange, signIn, signOut, tokenSource } from './auth';
import { isOnline, onConnectivityChange, watchConnectivity } from './connectivity';
import { flushOutbox, sendWhenReachable, waitingCounts } from './outbox';
import { forgetProgram, onServedOfflineChange, ownedBy, servedOffline } from './offlineProgram';
import { plural, strings as S } from './i18n';
import { ExerciseDetail, Exercises } from './screens/exercises';
import { Plan } from './screens/plan';
import { Player } from './screens/player';
import { GetStarted, TryIt } from './screens/profile';
import { Progress } from './screens/progress';
import { Today } from './screens/today';
import { Page } from './ui';
import './styles.css';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

const go = (hash: string) => {
  location.hash = hash;
};

function Home() {
  return (
    <Page title={S.home.title}>
      <p class="lead">{S.home.intro}</p>
      <div class="controls">
        <a class="button" href="#/try">{S.home.tryIt}</a>
        <button type="button" class="primary" onClick={() => void signIn('#/start')}>
          {S.home.signIn}
        </button>
      </div>
    </Page>
  );
}

function SignInNeeded({ returnTo }: { returnTo: string }) {
  return (
    <Page title={S.nav.signIn}>
      <button type="button" class="primary" onClick={() => void signIn(returnTo)}>
        {S.nav.signIn}
      </button>
    </Page>
  );
}

function App() {
  const hash = useHash();
  const [, setAuthVersion] = useState(0);
  const [online, setOnline] = useState(isOnline());
  const [waiting, setWaiting] = useState({ sessions: 0, checkIns: 0 });
  const [offlineCopy, setOfflineCopy] = useState(servedOffline());
  useEffect(() => onAuthChange(() => setAuthVersion((n) => n + 1)), []);
  useEffect(() => onServedOfflineChange(() => setOfflineCopy(servedOffline())), []);
  useEffect(() => {
    const refresh = () => waitingCounts().then(setWaiting, () => undefined);
    const stopWatching = onConnectivityChange(() => setOnline(isOnline()));
    const stopSending = sendWhenReachable(refresh);
    setOnline(isOnline());
    const timer = setInterval(refresh, 2000);
    void refresh();
    return () => {
      stopWatching();
      stopSending();
      clearInterval(timer);
    };
  }, []);
  const signedIn = currentUser() !== null;
  const anyWaiting = waiting.sessions + waiting.checkIns > 0;
  const [path, arg] = hash.replace(/^#\/?/, '').split('/');
  const needsAccount = ['today', 'start', 'play', 'plan', 'progress'].includes(path);
  // offline the token may be gone (it lives in memory): the program this device keeps is still playable
  const offlineProgram = !online && !signedIn && ['', 'today', 'play', 'plan', 'progress'].includes(path);

  let screen;
  if (needsAccount && !signedIn && !offlineProgram) screen = <SignInNeeded returnTo={hash} />;
  else if (path === '' && (signedIn || offlineProgram)) screen = <Today />;
  else if (path === '') screen = <Home />;
  else if (path === 'try') screen = <TryIt />;
  else if (path === 'start') screen = <GetStarted go={go} />;
  else if (path === 'today') screen = <Today />;
  else if (path === 'play' && arg) screen = <Player sessionId={decodeURIComponent(arg)} />;
  else if (path === 'plan') screen = <Plan />;
  else if (path === 'progress') screen = <Progress />;
  else if (path === 'exercises' && arg) screen = <ExerciseDetail id={decodeURIComponent(arg)} />;
  else if (path === 'exercises') screen = <Exercises />;
  else screen = <Page title={S.notFound}>{null}</Page>;

  const link = (to: string, label: string) => (
    <li>
      <a href={to} aria-current={hash.startsWith(to) ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {S.skipToContent}
      </a>
      <header>
        <a class="brand" href="#/">{S.appName}</a>
        <nav aria-label={S.nav.label}>
          <ul>
            {signedIn ? (
              <>
                {link('#/today', S.nav.today)}
                {link('#/plan', S.nav.plan)}
                {link('#/progress', S.nav.progress)}
              </>
            ) : !online ? (
              <>
                {link('#/today', S.nav.today)}
                {link('#/plan', S.nav.plan)}
                {link('#/progress', S.nav.progress)}
              </>
            ) : (
              link('#/try', S.nav.tryIt)
            )}
            {link('#/exercises', S.nav.exercises)}
            <li>
              {signedIn ? (
                <button type="button" onClick={() => void forgetProgram().finally(signOut)}>{S.nav.signOut}</button>
              ) : (
                <button type="button" onClick={() => void signIn(hash === '#/' ? '#/today' : hash)}>{S.nav.signIn}</button>
              )}
            </li>
          </ul>
        </nav>
      </header>
      {(!online || offlineCopy || anyWaiting) && (
        <div class="banner" role="status" data-testid="offline-banner">
          {(!online || offlineCopy) && <span>{S.common.offline} </span>}
          {offlineCopy && <span>{S.common.offlineCopy} </span>}
          {waiting.sessions > 0 && <span data-testid="queued">{plural(S.common.queued, waiting.sessions)} </span>}
          {waiting.checkIns > 0 && <span data-testid="queued-checkins">{plural(S.common.queuedCheckIns, waiting.checkIns)} </span>}
          {anyWaiting && online && !signedIn && (
            <>
              <span>{S.common.signInToSend} </span>
              <button type="button" class="primary" onClick={() => void signIn(hash)}>{S.common.signInToSendButton}</button>
            </>
          )}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
    </>
  );
}

async function boot() {
  const config = await loadConfig();
  configureApi(config.apiBase, tokenSource);
  watchConnectivity(`${config.apiBase.replace(/\/$/, '')}/api/v1/phases`);
  initAuth(config);
  try {
    await completeSignInIfReturning();
  } catch (e) {
    console.warn('sign-in did not complete', e);
    history.replaceState(null, '', location.pathname + '#/');
  }
  onAuthChange(() => {
    const sub = currentUser()?.profile.sub;
    if (sub) void ownedBy(sub);
  });
  const sub = currentUser()?.profile.sub;
  if (sub) await ownedBy(sub).catch(() => undefined);
  render(<App />, document.getElementById('app')!);
  if (currentUser()) void flushOutbox();
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => undefined);
  }
}

void boot();
