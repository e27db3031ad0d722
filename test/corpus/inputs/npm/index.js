module.exports = require("./lib/add");
