// The browser speed test: parallel HTTP streams against intake serve, the first seconds
// of each direction discarded as warm-up, latency idle and under load (per direction).
"use strict";
(function () {
  const form = document.getElementById("speedtest");
  if (!form) return;
  const cfg = form.dataset;
  const STREAMS = 4, WARMUP = 2, SECONDS = 6, PINGS = 12;
  const q = "?t=" + encodeURIComponent(cfg.ticket);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const show = (id, text) => { document.getElementById(id).textContent = text; };
  const mbps = (bytes, s) => (bytes * 8) / s / 1e6;
  const fmt = (n, unit) => n.toLocaleString(cfg.lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }) + "\u00a0" + unit;
  const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : 0; };

  // One round trip. The browser's own timing of the request (from sending it to the first
  // byte of the answer) where it has one, as LibreSpeed does: the time around `fetch` adds
  // the page's timers and promise handling, 3-4 ms against ping in the lab.
  async function ping() {
    const url = new URL(cfg.base + "/speed/ping" + q + "&r=" + Math.random(), location.href).href;
    const t0 = performance.now();
    const r = await fetch(url, { cache: "no-store" });
    await r.arrayBuffer();
    const around = performance.now() - t0;
    if (r.status !== 204) throw new Error("ping " + r.status);
    // The browser adds the entry once the response has ended, sometimes a task later.
    let e = performance.getEntriesByName(url).pop();
    if (!e) { await sleep(0); e = performance.getEntriesByName(url).pop(); }
    performance.clearResourceTimings();
    const wire = e && e.requestStart > 0 ? e.responseStart - e.requestStart : 0;
    return wire > 0 && wire <= around ? wire : around;
  }

  async function idle() {
    await ping(); // opens the connection
    const rtts = [];
    for (let i = 0; i < PINGS; i++) rtts.push(await ping());
    let jitter = 0;
    for (let i = 1; i < rtts.length; i++) jitter += Math.abs(rtts[i] - rtts[i - 1]);
    return { latency: median(rtts), jitter: jitter / Math.max(1, rtts.length - 1) };
  }

  // Runs `stream` STREAMS times in parallel; counts bytes after the warm-up only.
  async function phase(stream, label) {
    const state = { counting: false, bytes: 0, stop: false };
    const workers = [];
    for (let i = 0; i < STREAMS; i++) workers.push(stream(state).catch(() => {}));
    await sleep(WARMUP * 1000);
    state.counting = true;
    const t0 = performance.now();
    const loaded = [];
    const end = t0 + SECONDS * 1000;
    while (performance.now() < end) {
      try { loaded.push(await ping()); } catch (e) { /* a lost ping under load */ }
      show(label, fmt(mbps(state.bytes, (performance.now() - t0) / 1000), "Mbit/s"));
      await sleep(250);
    }
    const seconds = (performance.now() - t0) / 1000;
    state.stop = true;
    const result = { mbps: mbps(state.bytes, seconds), loaded: median(loaded) };
    state.abort && state.abort();
    await Promise.all(workers);
    return result;
  }

  function download(state) {
    const ctrl = new AbortController();
    const prev = state.abort;
    state.abort = () => { ctrl.abort(); prev && prev(); };
    return (async () => {
      while (!state.stop) {
        const r = await fetch(cfg.base + "/speed/down" + q + "&bytes=67108864&r=" + Math.random(), { cache: "no-store", signal: ctrl.signal });
        const reader = r.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done || state.stop) break;
          if (state.counting) state.bytes += value.length;
        }
      }
    })();
  }

  const chunk = new Uint8Array(1 << 20);
  for (let i = 0; i < chunk.length; i += 65536) crypto.getRandomValues(chunk.subarray(i, i + 65536));
  const blob = new Blob(Array(8).fill(chunk));

  function upload(state) {
    return new Promise((resolve) => {
      const next = () => {
        if (state.stop) return resolve();
        const x = new XMLHttpRequest();
        let last = 0;
        x.upload.onprogress = (e) => { if (state.counting) state.bytes += e.loaded - last; last = e.loaded; };
        x.onloadend = () => next();
        const prev = state.abort;
        state.abort = () => { x.abort(); prev && prev(); };
        x.open("POST", cfg.base + "/speed/up" + q);
        x.send(blob);
      };
      next();
    });
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const button = document.getElementById("start");
    const status = document.getElementById("speedstatus");
    button.disabled = true;
    status.textContent = cfg.running;
    try {
      const i = await idle();
      show("ping", fmt(i.latency, "ms"));
      const d = await phase(download, "down");
      show("down", fmt(d.mbps, "Mbit/s"));
      const u = await phase(upload, "up");
      show("up", fmt(u.mbps, "Mbit/s"));
      show("loaded", fmt(Math.max(d.loaded, u.loaded), "ms"));
      const location = form.querySelector("input[name=location]:checked");
      const body = new URLSearchParams({
        csrf: cfg.ticket, location: location ? location.value : "",
        download_mbps: d.mbps.toFixed(3), upload_mbps: u.mbps.toFixed(3),
        latency_ms: i.latency.toFixed(2), jitter_ms: i.jitter.toFixed(2),
        loaded_latency_download_ms: d.loaded.toFixed(2), loaded_latency_upload_ms: u.loaded.toFixed(2),
        streams: String(STREAMS), seconds: String(SECONDS), warmup_seconds: String(WARMUP),
      });
      const r = await fetch(cfg.base + "/speed/result?lang=" + cfg.lang, { method: "POST", body: body });
      status.textContent = r.ok ? cfg.saved : cfg.failed;
      status.dataset.done = r.ok ? "saved" : "failed";
    } catch (e) {
      status.textContent = cfg.failed;
      status.dataset.done = "failed";
    }
    button.disabled = false;
  });
})();
