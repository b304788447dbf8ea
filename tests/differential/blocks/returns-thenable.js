module.exports = () => ({
  then(resolve) {
    setTimeout(() => resolve({ data: "from a thenable" }), 1);
  },
});
