interface Point { x: number; y: number }
export function norm(p: Point): number { return Math.hypot(p.x, p.y); }
export const origin: Point = { x: 0, y: "0" };
export async function later(ms: number): Promise<string> {
  await new Promise(r => setTimeout(r, ms));
  return `waited ${ms}`;
}
