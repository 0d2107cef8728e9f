/**
 * The origin the browser must be allowed to load map tiles from (the page's Content-Security-Policy
 * img-src), from the MAP_TILE_URL template. A `{s}` subdomain placeholder becomes a wildcard host
 * (https://{s}.tile.example.org → https://*.tile.example.org). A template that is not an http(s) URL
 * gives nothing, so a misconfiguration shows no tiles rather than widening the policy.
 */
export function mapTileImageSource(template: string | null): string | null {
  const match = template ? /^(https?:)\/\/([^/?#]+)/i.exec(template.trim()) : null;
  if (!match) return null;
  const host = (match[2] ?? '').replace(/\{s\}/g, '*');
  return /^(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) ? `${match[1]?.toLowerCase()}//${host.toLowerCase()}` : null;
}
