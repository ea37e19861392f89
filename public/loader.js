// Trunk's wasm initializer (index.html: data-initializer on the rust link). A first visit
// on a slow link downloads the whole app (about 1.7 MB) before Rust can draw anything;
// until then index.html shows a splash, and this fills its progress bar as the bytes
// arrive, says so when the download stalls, and offers a reload if it fails. Later
// visits load from the service worker's cache in a fraction of a second.
//
// Text is in both languages: the language setting lives in the app, which has not
// loaded yet. Everything is set with textContent (no HTML) and listeners are attached
// here, not inline, so the page's Content-Security-Policy holds.

const STALL_MS = 15000;

export default function initializer() {
  const $ = (id) => document.getElementById(id);
  let lastProgress = Date.now();
  let watch;
  const say = (text) => {
    const p = $('splash-text');
    if (p) p.textContent = text;
  };
  return {
    onStart() {
      watch = setInterval(() => {
        if (Date.now() - lastProgress > STALL_MS) {
          say('下载停滞了，请检查网络；恢复后会继续。 The download has stalled: check the connection; it goes on when the network is back.');
        }
      }, 1000);
    },
    onProgress({ current, total }) {
      lastProgress = Date.now();
      const bar = $('splash-progress');
      if (bar && total > 0) {
        bar.max = total;
        bar.value = Math.min(current, total);
        bar.setAttribute('aria-valuetext', `${Math.round((100 * Math.min(current, total)) / total)} %`);
      }
    },
    onComplete() {
      clearInterval(watch);
    },
    onSuccess() {
      $('splash')?.remove();
    },
    onFailure(reason) {
      console.error('Outpost could not start', reason);
      const splash = $('splash');
      if (!splash) return;
      splash.dataset.state = 'failed';
      $('splash-progress')?.remove();
      say('应用没能加载。请检查网络后重新加载。 The app could not be loaded. Check the connection and reload.');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'primary';
      button.dataset.testid = 'splash-reload';
      button.textContent = '重新加载 Reload';
      button.addEventListener('click', () => location.reload());
      splash.append(button);
    },
  };
}
