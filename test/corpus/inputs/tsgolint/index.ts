async function f(): Promise<number> { return 1; }
f();
const x: any = 1;
export {};
