// Outpost service worker: precaches the app shell so the app reloads with the network
// off after one online visit. VERSION and PRECACHE are written by scripts/sw-precache.sh
// at build time (a hash over every built file, and the file list).
const VERSION = "__OUTPOST_VERSION__";
const PRECACHE = [/*__OUTPOST_PRECACHE__*/];
const CACHE = "outpost-" + VERSION;

// Every URL is resolved against the worker's scope, so the app works at / or /outpost/.
const scoped = (path) => new URL(path, self.registration.scope).href;
const INDEX = () => scoped("index.html");

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(["./", ...PRECACHE].map(scoped).map((u) => new Request(u, { cache: "reload" })));
      // First install: take over at once. An update waits until the user presses
      // "reload" in the banner (sw-register.js posts SKIP_WAITING).
      if (!self.registration.active) await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("outpost-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })()
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Sync traffic always goes to the network: snapshots must never come from a cache.
  if (url.pathname.includes("/sync/")) return;

  if (req.mode === "navigate") {
    // Network first so a deploy is seen; the cached shell when offline.
    event.respondWith(
      (async () => {
        try {
          return await fetch(req);
        } catch (_) {
          const cache = await caches.open(CACHE);
          return (await cache.match(INDEX())) || (await cache.match(scoped("./"))) || Response.error();
        }
      })()
    );
    return;
  }

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req, { ignoreSearch: true });
      return hit || fetch(req);
    })()
  );
});
