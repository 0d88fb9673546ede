/**
 * At most `count` holders at a time; the others wait in order. The report encodes its figures' PNGs
 * through a few slots so that the pixels and scanline buffers of only a few figures are in memory at
 * once, and the buffers are reused (see rasterizeFramedSvg).
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(count: number) {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`slots: ${count}, expected a positive integer`);
    this.#free = count;
  }

  /** Runs `work` in a slot, once one is free; the slot is given back when it has settled. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free += 1;
      else next();
    }
  }
}
