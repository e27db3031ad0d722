// Threads and long work: four worker threads hash disjoint ranges, the main
// thread gzips and gunzips 8 MB through files and checks it came back whole.
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");
const crypto = require("crypto");
const fs = require("fs");
const zlib = require("zlib");

if (!isMainThread) {
  const h = crypto.createHash("sha256");
  for (let i = workerData.from; i < workerData.to; i++) h.update("item " + i + "\n");
  parentPort.postMessage(h.digest("hex").slice(0, 16));
} else {
  const jobs = [0, 1, 2, 3].map((k) => new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { from: k * 50000, to: (k + 1) * 50000 } });
    w.on("message", resolve);
    w.on("error", reject);
  }));
  Promise.all(jobs).then((hashes) => {
    console.log("workers:", hashes.join(" "));
    const block = Buffer.from("the quick brown fox jumps over the lazy dog\n".repeat(1024));
    const data = Buffer.concat(Array.from({ length: 187 }, (_, i) => Buffer.concat([Buffer.from("block " + i + "\n"), block])));
    fs.writeFileSync("big.txt", data);
    fs.writeFileSync("big.txt.gz", zlib.gzipSync(fs.readFileSync("big.txt"), { level: 9 }));
    const back = zlib.gunzipSync(fs.readFileSync("big.txt.gz"));
    console.log("zlib:", data.length, "bytes, round trip", back.equals(data) ? "ok" : "BAD",
      "sha256", crypto.createHash("sha256").update(back).digest("hex").slice(0, 16));
  });
}
