console.log([1, 2, 3].map((x) => x * 14).join(","), process.platform, process.arch);
