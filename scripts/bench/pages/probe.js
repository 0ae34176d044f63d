// Injected into every bench page before its own scripts (Playwright addInitScript): the timing tools
// the pages' adapters (`window.__bench`) and the driver (scripts/bench/ui.mjs) share.
// Plain JavaScript on purpose: it is injected as text, untransformed.
(() => {
  const probe = {
    /** [startTime, duration] of every main-thread task over 50 ms since navigation. */
    longtasks: [],
    /** Event Timing entries (input to next paint) of discrete events over 16 ms. */
    events: [],
    /** The measurement armed by arm*(), read by the driver after it sent the input. */
    pending: undefined,
  };
  window.__probe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.events.push({ name: e.name, start: e.startTime, delay: e.processingStart - e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}

  /** Resolves with performance.now() just after the next frame was produced. */
  const afterFrame = (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  };

  /**
   * Resolves with the time (ms since navigation) right after the first frame in which `check()`
   * holds: checked at every animation frame, so the time includes rendering that frame.
   */
  probe.until = (check, timeout = 180000) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const tick = () => {
        let ok = false;
        try {
          ok = !!check();
        } catch {}
        if (ok) return afterFrame(resolve);
        if (performance.now() - start > timeout) return reject(new Error('bench: timed out waiting for the page'));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  /** Longest long task overlapping [t0, t1] (0 when none was over 50 ms), and how many there were. */
  probe.tasks = (t0, t1) => {
    const inside = probe.longtasks.filter(([s, d]) => s + d > t0 && s < t1);
    return { longest: inside.reduce((m, [, d]) => Math.max(m, d), 0), count: inside.length };
  };

  /**
   * Arms a measurement of the next `type` event (keydown with `key`, or click) on the page: from the
   * event's timestamp (when the input happened) to the frame in which `check()` first holds.
   */
  probe.arm = (type, key, check) => {
    probe.pending = new Promise((resolve, reject) => {
      const listener = (event) => {
        if (type === 'keydown' && event.key !== key) return;
        window.removeEventListener(type, listener, true);
        const t0 = event.timeStamp;
        probe.until(check).then((t1) => resolve({ ms: t1 - t0, ...probe.tasks(t0, t1) }), reject);
      };
      window.addEventListener(type, listener, true);
    });
  };

  /** Watches the frames until stop() is called: the longest gap between two frames, and gaps over 50 ms. */
  probe.frames = () => {
    let last = performance.now();
    let longest = 0;
    let over50 = 0;
    let frames = 0;
    let running = true;
    const tick = (now) => {
      if (!running) return;
      const gap = now - last;
      last = now;
      frames++;
      if (gap > longest) longest = gap;
      if (gap > 50) over50++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return () => {
      running = false;
      return { longestGap: longest, gapsOver50: over50, frames };
    };
  };

  /**
   * Resolves once the main thread has had `windowMs` without a long task, with the end of the last long
   * task after `after` (or `after` itself): when the page became ready for input.
   */
  probe.quiet = (after, windowMs = 1000) =>
    new Promise((resolve) => {
      const poll = () => {
        const end = probe.longtasks.reduce((m, [s, d]) => Math.max(m, s + d), after);
        if (performance.now() - end >= windowMs) resolve(end);
        else setTimeout(poll, 100);
      };
      setTimeout(poll, 100);
    });

  /** Real key presses while a measurement runs: how long each waited before its handler ran. */
  probe.inputDelays = () => {
    const delays = [];
    const listener = (event) => event.isTrusted && delays.push(performance.now() - event.timeStamp);
    window.addEventListener('keydown', listener, true);
    return () => {
      window.removeEventListener('keydown', listener, true);
      return delays;
    };
  };
})();
