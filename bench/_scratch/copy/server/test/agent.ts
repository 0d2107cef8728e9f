import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/**
 * A browser stand-in for HTTP tests: keeps cookies like a browser and sends the CSRF token the
 * way the web client does, so tests exercise the same security path as real people.
 */
export function createAgent(app: FastifyInstance) {
  const cookies = new Map<string, string>();
  let csrf: string | null = null;

  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  function remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.value === '';
      if (expired) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
      if (cookie.name.includes('kinship')) csrf = null;
    }
  }

  async function raw(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await app.inject({ ...options, headers: { cookie: cookieHeader(), ...options.headers } });
    remember(response);
    return response;
  }

  async function csrfToken(): Promise<string> {
    if (!csrf) {
      const response = await raw({ method: 'GET', url: '/api/session' });
      csrf = (response.json() as { csrfToken: string }).csrfToken;
    }
    return csrf;
  }

  async function request<T = any>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const unsafe = method !== 'GET';
    const response = await raw({
      method,
      url,
      headers: { ...(unsafe ? { 'x-csrf-token': await csrfToken() } : {}), ...headers },
      ...(unsafe ? { payload: (body ?? {}) as InjectOptions['payload'] } : {}),
    });
    const text = response.body;
    return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  return {
    get: <T = any>(url: string) => request<T>('GET', url),
    post: <T = any>(url: string, body?: unknown) => request<T>('POST', url, body),
    put: <T = any>(url: string, body?: unknown) => request<T>('PUT', url, body),
    patch: <T = any>(url: string, body?: unknown) => request<T>('PATCH', url, body),
    delete: <T = any>(url: string) => request<T>('DELETE', url),
    raw,
    cookies,
    csrfToken,
  };
}
export type Agent = ReturnType<typeof createAgent>;
