/**
 * Terraform starts the provider and is its parent. A Terraform that is killed (SIGKILL, an OOM
 * kill, a CI runner torn down) never sends Shutdown, and a provider left serving a socket nobody
 * will connect to again would run forever. The parent's end shows as a new parent process id (the
 * orphan is re-parented to init or a subreaper), checked once a second without keeping the
 * process alive.
 */
export function watchParent(onGone: (formerParent: number) => void, intervalMs = 1000, parent: number = process.ppid): () => void {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone(parent);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** How long calls in flight may go on once the provider is told (or finds it must) stop: CVI_STOP_GRACE_MS, default 10 s. */
export function stopGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.CVI_STOP_GRACE_MS);
  return env.CVI_STOP_GRACE_MS !== undefined && env.CVI_STOP_GRACE_MS !== '' && Number.isFinite(ms) && ms >= 0 ? ms : 10_000;
}
