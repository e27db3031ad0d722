const n: number = "three";
export function twice(x: number): number { return x * 2 }
