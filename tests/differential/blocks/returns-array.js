module.exports = async () => [1, "two", { three: 3 }, [4], null, true];
