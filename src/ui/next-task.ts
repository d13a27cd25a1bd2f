/**
 * Resolves in a later task of the page's main thread, so what comes after it does not lengthen the
 * task running now (the browser can draw a frame and answer the user in between). `scheduler.yield()`
 * where the browser has it (the continuation goes before other waiting tasks), a zero timeout elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
