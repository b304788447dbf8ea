module.exports = async () => "just a string";
