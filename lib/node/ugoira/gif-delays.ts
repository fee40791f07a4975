/**
 * The shortest delay written to a GIF, in centiseconds. Browsers show frames of 0 or 1 cs for
 * 10 cs (a GIF's delay of 0 means "as fast as you can", which they slow down), so 2 cs is the
 * shortest delay that plays as written.
 */
export const MIN_GIF_DELAY_CS = 2;

/**
 * GIF delays (centiseconds) for frame delays in milliseconds. Each delay is rounded so that the
 * running total stays as close as it can to the real one (ten 33 ms frames give 3, 4, 3, 3, 4, …
 * cs, not ten times 3), and none is shorter than {@link MIN_GIF_DELAY_CS}: a frame that would be
 * shorter borrows the time from the frames after it.
 */
export function gifDelays(delaysMs: readonly number[]): number[] {
  const delays: number[] = [];
  let realMs = 0;
  let writtenCs = 0;
  for (const delay of delaysMs) {
    realMs += Number.isFinite(delay) && delay > 0 ? delay : 0;
    const cs = Math.max(MIN_GIF_DELAY_CS, Math.min(0xffff, Math.round(realMs / 10) - writtenCs));
    delays.push(cs);
    writtenCs += cs;
  }
  return delays;
}
