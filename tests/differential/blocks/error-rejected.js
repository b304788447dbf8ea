module.exports = () => Promise.reject(new TypeError("rejected on purpose"));
