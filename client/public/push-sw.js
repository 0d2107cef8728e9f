// Web Push for reminders, imported by the generated service worker (vite.config.ts, workbox.importScripts).
// The payload is { title, body, link }, already neutral (nothing private on a lock screen).
self.addEventListener('push', (event) => {
  let message = { title: 'Kinship', body: '', link: '/' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // No payload or not JSON: the generic message still tells the person to look.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { link: typeof message.link === 'string' && message.link.startsWith('/') ? message.link : '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = event.notification.data?.link ?? '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if ('focus' in client && new URL(client.url).origin === self.location.origin) {
          client.navigate(link);
          return client.focus();
        }
      }
      return self.clients.openWindow(link);
    }),
  );
});
