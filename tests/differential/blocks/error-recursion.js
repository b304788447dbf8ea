// Unbounded recursion ends the run with Node's RangeError (in Boa it cannot be caught; see COMPAT.md).
function depth(n) {
  return depth(n + 1) + 1;
}
module.exports = async () => ({ data: depth(0) });
