/**
 * A background job (an outbox, the retention sweep): run now and then every
 * interval, on a timer that does not keep the process alive. A run asked for
 * while one is under way joins it instead of starting a second, so a nudge
 * after a write and the timer never send the same row twice from one
 * process (across processes, the job's own row claims see to that).
 */
export class Recurring<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(
    /** Names the job in the one log line a failed run writes. */
    private readonly name: string,
    private readonly work: () => Promise<T>,
  ) {}

  /** Runs once now, then every `intervalMs`, until {@link stop}. */
  start(intervalMs: number): void {
    this.stop();
    this.nudge();
    this.timer = setInterval(() => this.nudge(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One run (joining the one under way); its result. */
  run(): Promise<T> {
    this.running ??= this.work().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for the run under way, if any, whatever its outcome. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** A run now that never throws. Only the error's name is logged: a message may carry a resident's details. */
  nudge(): void {
    void this.run().catch((error: unknown) => console.warn(`${this.name}: run failed (${error instanceof Error ? error.name : typeof error})`));
  }
}
