function greet(name) {
  var message = "hello, " + name;
  return message.toUpperCase();
}
var unused = 42;
console.log(greet("corpus"));
