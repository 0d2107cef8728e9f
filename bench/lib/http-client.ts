/**
 * A browser stand-in over real HTTP (the bench talks to a listening server, not app.inject): keeps
 * cookies and sends the CSRF token on unsafe requests the way the web client does.
 */
export interface HttpReply<T> {
  status: number;
  body: T;
}

export function httpClient(baseUrl: string) {
  const cookies = new Map<string, string>();
  let csrf: string | null = null;

  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  function remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const split = pair.indexOf('=');
      if (split < 1) continue;
      const name = pair.slice(0, split).trim();
      const value = pair.slice(split + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
      csrf = null;
    }
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<HttpReply<T>> {
    const unsafe = method !== 'GET';
    // The token first: fetching it may set the CSRF cookie this request must carry.
    const token = unsafe ? await csrfToken() : null;
    const headers: Record<string, string> = { cookie: cookieHeader() };
    if (token) {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = token;
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: unsafe ? JSON.stringify(body ?? {}) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    remember(response);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async function csrfToken(): Promise<string> {
    if (!csrf) {
      const reply = await request<{ csrfToken: string }>('GET', '/api/session');
      csrf = reply.body.csrfToken;
    }
    return csrf;
  }

  async function expect<T>(method: string, path: string, status: number, body?: unknown): Promise<T> {
    const reply = await request<T>(method, path, body);
    if (reply.status !== status)
      throw new Error(`${method} ${path}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  return {
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
    expect,
    /** The Cookie header of this client, to hand to a load generator. */
    cookieHeader,
    async signIn(email: string, password: string) {
      await expect('POST', '/api/auth/sign-in', 200, { email, password });
    },
  };
}
export type HttpClient = ReturnType<typeof httpClient>;
