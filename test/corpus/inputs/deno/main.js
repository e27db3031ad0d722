console.log([1, 2, 3].map((x) => x * 14).join(","), Deno.build.os, Deno.build.arch);
