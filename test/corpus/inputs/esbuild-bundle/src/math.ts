export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export function scale(xs: number[], k: number): number[] {
  return xs.map((x) => x * k);
}

export function unused(): string {
  return "tree-shaken away";
}
