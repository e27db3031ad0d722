// Child processes with pipes under tokio: deno starts itself, feeds its
// stdin and reads its stdout and exit status.
const out = new Deno.Command(Deno.execPath(), {
  args: ["eval", "console.log([6, 7].reduce((a, b) => a * b))"],
}).outputSync();
console.log("outputSync:", new TextDecoder().decode(out.stdout).trim(), "code", out.code);

const child = new Deno.Command(Deno.execPath(), {
  args: ["eval", "const t = new TextDecoder().decode(await new Response(Deno.stdin.readable).arrayBuffer()); console.log(t.toUpperCase().trim()); Deno.exit(3)"],
  stdin: "piped", stdout: "piped",
}).spawn();
const w = child.stdin.getWriter();
await w.write(new TextEncoder().encode("through a pipe\n"));
await w.close();
const res = await child.output();
console.log("spawn:", new TextDecoder().decode(res.stdout).trim(), "code", res.code);
