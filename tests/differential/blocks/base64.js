module.exports = async () => {
  const errors = [];
  try {
    btoa("✓");
  } catch (error) {
    errors.push(error.name);
  }
  try {
    atob("***");
  } catch (error) {
    errors.push(error.name);
  }
  return {
    data: {
      encoded: btoa("user:pass"),
      decoded: atob("dXNlcjpwYXNz"),
      binary: btoa(String.fromCharCode(0, 255, 128)),
      spaces: atob(" aGk= "),
      noPadding: atob("aGk"),
      errors,
    },
  };
};
