/**
 * Kernel: the indices 0 .. n-1 ordered by time, ties in index order (a stable sort), for times that
 * are finite and >= 0. An LSD radix sort on the bits of the doubles (non-negative doubles order as
 * their bit patterns do): four passes of 16 bits, no comparator calls and no boxed numbers, which
 * matters for a hundred thousand subjects or more (V8's typed-array sort boxes every element).
 */
export function orderByTime(time: Float64Array): Uint32Array {
  const n = time.length;
  const words = new Uint32Array(2 * n);
  const view = new Float64Array(words.buffer);
  for (let i = 0; i < n; i++) view[i] = time[i] === 0 ? 0 : time[i]; // -0 sorts as 0
  // Little-endian words: words[2i] is the low half of time i, words[2i + 1] the high half.
  const lowFirst = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
  const low = lowFirst ? 0 : 1;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let scratch = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? low : 1 - low;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((words[2 * i + word] >>> shift) & 0xffff) + 1] += 1;
    // Skip a pass where every key has the same digit (common: times share their high bits).
    if (counts[((words[word] >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      scratch[counts[(words[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    [order, scratch] = [scratch, order];
  }
  return order;
}
