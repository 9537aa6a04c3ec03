import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiProblem, NetworkError } from './api';
import { cached, forgetProgram, ownedBy, servedOffline, useFactory } from './offlineProgram';

const problem = (status: number) => new ApiProblem(status, 'x', undefined, [], undefined, undefined, {});

describe('offline program cache', () => {
  beforeEach(() => useFactory(new IDBFactory()));

  it('serves the stored answer when the server cannot be reached, and says so', async () => {
    expect(await cached('next', async () => ({ sessionId: 's1' }))).toEqual({ sessionId: 's1' });
    expect(servedOffline()).toBe(false);
    const offline = await cached('next', async () => {
      throw new NetworkError('Failed to fetch');
    });
    expect(offline).toEqual({ sessionId: 's1' });
    expect(servedOffline()).toBe(true);
    await cached('next', async () => ({ sessionId: 's2' }));
    expect(servedOffline()).toBe(false);
  });

  it('never hides a server answer behind the cache', async () => {
    await cached('plan', async () => ({ planId: 'p1' }));
    await expect(cached('plan', async () => Promise.reject(problem(404)))).rejects.toBeInstanceOf(ApiProblem);
    await expect(cached('plan', async () => Promise.reject(problem(503)))).rejects.toBeInstanceOf(ApiProblem);
  });

  it('fails as before when nothing was stored', async () => {
    await expect(cached('session:s9', async () => Promise.reject(new NetworkError('offline')))).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps one person only: sign-out and another person drop the program', async () => {
    const offline = () => cached('next', async () => Promise.reject(new NetworkError('offline')));
    await ownedBy('alice');
    await cached('next', async () => ({ sessionId: 'alice-1' }));
    await ownedBy('alice');
    expect(await offline()).toEqual({ sessionId: 'alice-1' });
    await ownedBy('bob');
    await expect(offline()).rejects.toBeInstanceOf(NetworkError);
    await cached('next', async () => ({ sessionId: 'bob-1' }));
    await forgetProgram();
    await expect(offline()).rejects.toBeInstanceOf(NetworkError);
  });
});
