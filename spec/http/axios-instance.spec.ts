import axios from 'axios';
import { axiosOf, loadAxios } from '../../lib/http/axios-instance';
import type { HttpContext } from '../../lib/http/context';
import { resolveRetryPolicy } from '../../lib/http/retry';

function context(instance?: HttpContext['axios']): HttpContext {
  return { axios: instance, userAxios: instance !== undefined, retry: resolveRetryPolicy(false), timeoutMs: 0, onRetry: () => undefined };
}

describe('axiosOf', () => {
  it("gives the user's own instance as it is, without a promise", () => {
    const own = axios.create();
    expect(axiosOf(context(own))).toBe(own);
  });

  it('creates one instance per context at the first call, and gives that instance itself afterwards', async () => {
    const first = context();
    const pending = axiosOf(first);
    expect(pending).toBeInstanceOf(Promise);
    const created = await pending;
    expect(typeof created.request).toBe('function');
    expect(axiosOf(first)).toBe(created);
    const other = await axiosOf(context());
    expect(other).not.toBe(created);
  });

  it('loads axios once', async () => {
    const [a, b] = await Promise.all([loadAxios(), loadAxios()]);
    expect(a).toBe(b);
    expect(a.isAxiosError(new a.AxiosError('x'))).toBe(true);
  });
});
