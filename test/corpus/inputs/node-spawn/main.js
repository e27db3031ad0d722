// Child processes with pipes: node starts itself three ways and reads back
// what each child wrote to its stdout, stderr, exit status and a file.
const cp = require("child_process");
const fs = require("fs");

const upper = cp.execFileSync(process.execPath,
  ["-e", "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(s.toUpperCase()))"],
  { input: "piped through a child\n" }).toString();
console.log("execFileSync:", upper.trim());

const r = cp.spawnSync(process.execPath,
  ["-e", "console.error('to stderr');require('fs').writeFileSync('child.txt','child wrote\\n');process.exit(7)"]);
console.log("spawnSync: status", r.status, "stderr", JSON.stringify(r.stderr.toString().trim()),
  "file", JSON.stringify(fs.readFileSync("child.txt", "utf8")));

const child = cp.spawn(process.execPath, ["-e", "for (let i = 0; i < 3000; i++) console.log('line ' + i)"]);
let lines = 0, last = "";
child.stdout.on("data", (d) => {
  const text = last + d.toString();
  const parts = text.split("\n");
  last = parts.pop();
  lines += parts.length;
});
child.on("close", (code) => {
  console.log("spawn: lines", lines, "exit", code);
  fs.writeFileSync("done.txt", "all children finished\n");
});
