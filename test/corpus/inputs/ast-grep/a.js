console.log(a);
foo(console.log(b, c));
