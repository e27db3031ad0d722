// Hermes (React Native's JavaScript engine) as a command-line VM.
function Square(n) { this.n = n; }
Square.prototype.area = function () { return this.n * this.n; };
function* squares(k) { for (let i = 1; i <= k; i++) yield new Square(i).area(); }
const list = [...squares(6)];
const fib = n => (n < 2 ? n : fib(n - 1) + fib(n - 2));
const text = JSON.stringify({ list, fib20: fib(20), tag: `t${list.length}` });
const m = /fib20":(\d+)/.exec(text);
const sorted = ['pear', 'Apple', 'fig'].sort((a, b) => a.localeCompare(b));
print('squares ' + list.join(',') + ' sum ' + list.reduce((a, b) => a + b, 0));
print('json ' + text + ' match ' + m[1]);
print('sorted ' + sorted.join(' ') + ' upper ' + 'straße'.toUpperCase());
print('map ' + [...new Map([[1, 'a'], [2, 'b']]).entries()].join(';') + ' typeof ' + typeof HermesInternal);
