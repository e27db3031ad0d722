// Compiled by hermesc as React Native's build does: classes, async
// functions, destructuring, optional chaining, template literals.
class Queue {
  #items = [];
  push(...xs) { this.#items.push(...xs); return this; }
  get size() { return this.#items.length; }
  *drain() { while (this.#items.length) yield this.#items.shift(); }
}
async function total(queue) {
  let sum = 0;
  for (const x of queue.drain()) sum += await Promise.resolve(x);
  return sum;
}
const { a = 1, b: { c } = { c: 2 } } = globalThis.config ?? {};
const fib = n => (n < 2 ? n : fib(n - 1) + fib(n - 2));
total(new Queue().push(a, c, fib(10))).then(s => print(`total ${s}`));
