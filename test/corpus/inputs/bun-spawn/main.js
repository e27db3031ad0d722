// Child processes with pipes: bun starts itself, feeds its stdin and reads
// its stdout, stderr and exit status.
const a = Bun.spawnSync([process.execPath, "-e", "console.log(6 * 7)"]);
console.log("spawnSync:", a.stdout.toString().trim(), "exit", a.exitCode);

const b = Bun.spawnSync([process.execPath, "-e",
  "const t = await Bun.stdin.text(); console.log(t.toUpperCase().trim()); console.error('err side'); process.exit(5)"],
  { stdin: new TextEncoder().encode("through a pipe\n") });
console.log("stdin:", b.stdout.toString().trim(), "stderr", b.stderr.toString().trim(), "exit", b.exitCode);

const c = Bun.spawn([process.execPath, "-e", "for (let i = 0; i < 2000; i++) console.log('line', i)"]);
const text = await new Response(c.stdout).text();
console.log("spawn: lines", text.split("\n").filter(Boolean).length, "exit", await c.exited);
