interface P { x: number }
enum Color { Red, Green }
export const p: P = { x: Color.Green };
export default function twice(n: number): number { return n * 2 }
