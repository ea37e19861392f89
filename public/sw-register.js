// Registers the service worker and tells the app (outpost:update-ready) when a new
// version waits; window.outpostApplyUpdate() activates it and reloads once.
(function () {
  if (!("serviceWorker" in navigator)) return;
  let reloading = false;

  function announceWaiting(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) {
      window.__outpostUpdateReady = true;
      window.dispatchEvent(new Event("outpost:update-ready"));
    }
  }

  window.outpostApplyUpdate = function () {
    navigator.serviceWorker.getRegistration().then(function (reg) {
      if (reg && reg.waiting) reg.waiting.postMessage({ type: "SKIP_WAITING" });
      else window.location.reload();
    });
  };

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only an update the user accepted reloads; the very first install does not.
    if (reloading || !window.__outpostUpdateReady) return;
    reloading = true;
    window.location.reload();
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register("./sw.js")
      .then(function (reg) {
        announceWaiting(reg);
        reg.addEventListener("updatefound", function () {
          const w = reg.installing;
          if (!w) return;
          w.addEventListener("statechange", function () {
            if (w.state === "installed") announceWaiting(reg);
          });
        });
        const check = function () {
          reg.update().catch(function () {});
        };
        setInterval(check, 30 * 60 * 1000);
        window.addEventListener("online", check);
        return navigator.serviceWorker.ready;
      })
      .then(function () {
        window.__outpostSwReady = true;
        window.dispatchEvent(new Event("outpost:sw-ready"));
      })
      .catch(function (e) {
        console.warn("Outpost: service worker not registered", e);
      });
  });
})();
