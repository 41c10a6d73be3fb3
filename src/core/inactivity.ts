/**
 * Inactivity timing for WCAG 2.2.1 Timing Adjustable: answers are deleted
 * after a period without activity, the person is warned first, and one
 * action gives them the full time again. No DOM here: the clock is
 * injectable so the logic is tested without waiting.
 */

/** An opaque handle from {@link Clock.setTimeout}. */
export type TimerHandle = unknown;

/** The time source and timer the inactivity logic uses. */
export interface Clock {
  /** Milliseconds since some fixed point (only differences are used). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock. It looks the globals up on every call, not once at load,
 * so fake timers installed later (in tests) are obeyed.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

/** Why the answers were deleted: nobody did anything in time, or the person asked for it. */
export type ExpiryReason = 'timeout' | 'deleted';

/** Default warning period: GOV.UK and WCAG 2.2.1 practice is to warn 2 minutes before. */
export const DEFAULT_WARN_BEFORE_MS = 120_000;

/**
 * Default shortest quiet spell before a warning may appear. A warning the
 * moment someone stops typing would interrupt them on every pause.
 */
export const DEFAULT_MIN_IDLE_MS = 60_000;

export interface InactivityTimerOptions {
  /** Milliseconds without activity after which the answers are deleted. Must be a positive, finite number. */
  timeoutMs: number;
  /** How long before deletion the warning appears. Default 2 minutes. */
  warnBeforeMs?: number;
  /**
   * The warning never appears sooner than this after the last activity;
   * a shorter `timeoutMs` is lengthened to `minIdleMs + warnBeforeMs` (see
   * {@link InactivityTimer}). Default 1 minute.
   */
  minIdleMs?: number;
  /** How often `onTick` runs while the warning shows. Default 1 second. */
  tickMs?: number;
  /** The warning starts; `remainingMs` until deletion. */
  onWarn(remainingMs: number): void;
  /** While warning, every `tickMs` (aligned so a whole-second countdown changes on each tick). */
  onTick?(remainingMs: number): void;
  /** Time is up (`'timeout'`) or the person chose to delete now (`'deleted'`). The timer is stopped first. */
  onExpire(reason: ExpiryReason): void;
  clock?: Clock;
}

type Phase = 'stopped' | 'counting' | 'warning';

/**
 * Counts time without activity: warns `warnBeforeMs` before the deadline,
 * then expires.
 *
 * Timing, from the last activity (or `start()`/`extend()`):
 * - the warning appears after `max(timeoutMs - warnBeforeMs, minIdleMs)`;
 * - the answers are deleted `warnBeforeMs` after that.
 *
 * So a timeout of at least `warnBeforeMs + minIdleMs` (3 minutes by default)
 * is kept exactly. A shorter one is lengthened rather than letting either
 * promise break: the person is always warned the full `warnBeforeMs` ahead,
 * and never interrupted within `minIdleMs` of their last action.
 * {@link InactivityTimer.timeoutMs} is the period really used.
 *
 * While the warning shows, `activity()` is ignored: only `extend()` (an
 * explicit "continue") resets, so a stray key press or touch can't dismiss
 * the warning unseen.
 */
export class InactivityTimer {
  /** Idle time before deletion really used (see the class notes on short timeouts). */
  readonly timeoutMs: number;
  /** Idle time before the warning appears. */
  readonly warnAfterMs: number;
  private readonly options: InactivityTimerOptions;
  private readonly clock: Clock;
  private readonly tickMs: number;
  private phase: Phase = 'stopped';
  private deadline = 0;
  private phaseTimer: TimerHandle | undefined;
  private tickTimer: TimerHandle | undefined;

  constructor(options: InactivityTimerOptions) {
    const warnBeforeMs = options.warnBeforeMs ?? DEFAULT_WARN_BEFORE_MS;
    const minIdleMs = options.minIdleMs ?? DEFAULT_MIN_IDLE_MS;
    if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) throw new RangeError(`timeoutMs must be a positive number, not ${options.timeoutMs}`);
    if (!(Number.isFinite(warnBeforeMs) && warnBeforeMs >= 0)) throw new RangeError(`warnBeforeMs must be a non-negative number, not ${warnBeforeMs}`);
    if (!(Number.isFinite(minIdleMs) && minIdleMs >= 0)) throw new RangeError(`minIdleMs must be a non-negative number, not ${minIdleMs}`);
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.tickMs = Math.max(1, options.tickMs ?? 1000);
    this.warnAfterMs = Math.max(options.timeoutMs - warnBeforeMs, minIdleMs);
    this.timeoutMs = this.warnAfterMs + warnBeforeMs;
  }

  /** True while the warning should be on screen. */
  get warning(): boolean {
    return this.phase === 'warning';
  }

  /** True while counting or warning. */
  get running(): boolean {
    return this.phase !== 'stopped';
  }

  /** Milliseconds until deletion (0 when stopped). */
  get remainingMs(): number {
    return this.phase === 'stopped' ? 0 : Math.max(0, this.deadline - this.clock.now());
  }

  /** Start (or restart) counting from now, hiding any warning. */
  start(): void {
    this.clearTimers();
    this.phase = 'counting';
    this.deadline = this.clock.now() + this.timeoutMs;
    this.phaseTimer = this.clock.setTimeout(() => this.onWarnDue(), this.warnAfterMs);
  }

  /**
   * The person did something. Restarts the count unless the warning shows
   * (then only `extend()` counts) or the timer is stopped.
   */
  activity(): void {
    if (this.phase !== 'counting') return;
    // A machine that slept may run timers late; someone arriving after the
    // deadline must not find the previous person's answers.
    if (this.clock.now() >= this.deadline) this.expire('timeout');
    else this.start();
  }

  /** The person chose to continue: full time again from now, warning hidden. Ignored when stopped. */
  extend(): void {
    if (this.phase === 'stopped') return;
    this.start();
  }

  /** Delete now (the person asked): stops, then `onExpire('deleted')`. Ignored when stopped. */
  expireNow(): void {
    if (this.phase === 'stopped') return;
    this.expire('deleted');
  }

  /** Stop counting without expiring (nothing left to lose, or the element went away). */
  stop(): void {
    this.clearTimers();
    this.phase = 'stopped';
  }

  private onWarnDue(): void {
    this.phaseTimer = undefined;
    const remaining = this.deadline - this.clock.now();
    // Timers in a background tab can fire very late: past the deadline, expire.
    if (remaining <= 0) {
      this.expire('timeout');
      return;
    }
    this.phase = 'warning';
    this.phaseTimer = this.clock.setTimeout(() => this.onExpireDue(), remaining);
    this.scheduleTick(remaining);
    this.options.onWarn(remaining);
  }

  private onExpireDue(): void {
    this.phaseTimer = undefined;
    const remaining = this.deadline - this.clock.now();
    // Some timers fire a little early; wait out the rest rather than cut short.
    if (remaining > 0) {
      this.phaseTimer = this.clock.setTimeout(() => this.onExpireDue(), remaining);
      return;
    }
    this.expire('timeout');
  }

  /** Next tick when the remaining time reaches the next multiple of `tickMs`, so a countdown shown in whole seconds stays exact. */
  private scheduleTick(remaining: number): void {
    const delay = remaining % this.tickMs || this.tickMs;
    if (delay >= remaining) return;
    this.tickTimer = this.clock.setTimeout(() => {
      this.tickTimer = undefined;
      if (this.phase !== 'warning') return;
      const now = Math.max(0, this.deadline - this.clock.now());
      this.options.onTick?.(now);
      if (now > 0) this.scheduleTick(now);
    }, delay);
  }

  private expire(reason: ExpiryReason): void {
    this.stop();
    this.options.onExpire(reason);
  }

  private clearTimers(): void {
    if (this.phaseTimer !== undefined) this.clock.clearTimeout(this.phaseTimer);
    if (this.tickTimer !== undefined) this.clock.clearTimeout(this.tickTimer);
    this.phaseTimer = undefined;
    this.tickTimer = undefined;
  }
}
