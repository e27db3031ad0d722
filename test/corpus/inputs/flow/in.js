// @flow
function add(a: number, b: number): number { return a + b; }
const s: string = "x" + add(1, 2);
