// fork(): a second node process talking back over the IPC channel.
const cp = require("child_process");
if (process.argv[2] === "child") {
  process.on("message", (m) => {
    process.send({ squared: m.n * m.n, from: "child" });
    if (m.n === 4) process.disconnect();
  });
} else {
  const child = cp.fork(__filename, ["child"]);
  const got = [];
  child.on("message", (m) => got.push(m.squared));
  child.on("exit", (code) => console.log("fork: replies", got.join(","), "exit", code));
  for (const n of [2, 3, 4]) child.send({ n });
}
