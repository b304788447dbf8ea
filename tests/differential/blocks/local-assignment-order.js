// Assignments to a function's own locals, in the orders where reading a local in place would go wrong: an
// operand read before the same local is assigned later in the expression (`x + (x = 5)` is the old `x` plus
// 5), property targets whose object or key is reassigned by the value, chained and compound assignments in
// minified comma chains (the shape of bundled crypto and codec code), and short-circuit values; then how a
// function's parameters and `var`s start, which the patched engine writes straight into their registers.
module.exports = async () => {
  function readBeforeAssign() { let x = 1; return x + (x = 5); }
  function readBeforeUpdate() { let x = 1; const y = x + x++; return [x, y]; }
  function varReadBeforeAssign() { var x = 1; x = x + (x = 10) + x; return x; }
  function twoAssignments() { var a = 1, b; b = (a = 2) + (a = 3) * a; return [a, b]; }
  function assignedOperandThenShift() { var a = 1, b; b = (a = 4) << (a = 1); return [a, b]; }
  function comparisonAfterAssign() { var i = 0, seen = []; while (i < (i = i + 2, 6)) seen.push(i); return seen; }
  function salsaRound() {
    var o = 1, U = 2, T = 3, M = 7, k = 11;
    U ^= (o = (T ^= (o = (k ^= (o = (M ^= (o = U + T | 0) << 7 | o >>> 25) + U | 0) << 9 | o >>> 23) + M | 0) << 13 | o >>> 19) + k | 0) << 18 | o >>> 14;
    return [o, U, T, M, k];
  }
  function keyReassignedByValue() { var a = [1, 2], i = 0; a[i] = (i = 1, 9); return [a, i]; }
  function objectReassignedByValue() { var o = { p: 1 }, q = { p: 2 }; o.p = (o = q, 7); return [o, q]; }
  function objectReassignedByKey() { var o = { p: 1 }, q = { r: 2 }; o[(o = q, "s")] = 3; return [o, q]; }
  function readObjectReassignedByKey() { var o = { p: 1 }, q = { p: 2 }; return o[(o = q, "p")]; }
  function compoundKeyReassigned() { var a = { x: 1 }, k = "x"; a[k] += (k = "y", 1); return [a, k]; }
  function compoundReadsItself() { var x = 2; x *= x + (x = 3); return x; }
  function commaChain() { var x = 0, y; y = (x += 1, x += 2, x); return [x, y]; }
  function shortCircuit() { let x = 0; x = x || 9; var y = 0; y = y || x; var z = null; z = z ?? y; return [x, y, z]; }
  function logicalAssign() { var a = 0, b = 1; a ||= (b = 5); b &&= a + b; return [a, b]; }
  function conditionalSelf() { var a = 5; a = -a; var b = a ? a + 1 : a - 1; b = b > 0 ? b : -b; return [a, b]; }
  function loop() { var s = 0; for (var i = 0, j = 10; i < j; i++, j--) s += i * j; return [s, i, j]; }
  function constWrite() { const c = 1; try { c = 2; } catch (error) { return error instanceof TypeError; } return c; }
  function arrayOfSelf() { var a = 1; a = [a, a + 1]; return a; }
  function callWithSelf() { var s = "ab"; s = s.concat(s, s.length); return s; }
  function templateWithSelf() { var s = "x"; s = `${s}-${s.length}`; return s; }
  function typedArrays() {
    var f = new Float64Array(4), u = new Uint8Array(4), n = 0;
    for (var i = 0; i < 4; i++) { f[i] = i * 0.5 + n; u[i] = 250 + i * 3; n = f[i] + u[i]; }
    return [Array.from(f), Array.from(u), n, f[-1], f[4], u["1"]];
  }
  function varShadowsParameter(a) { var a; return a; }
  function varStartsUndefined() { var x; return x; }
  function recursiveVars(n) { var x; if (n) { x = n; recursiveVars(n - 1); } return x; }
  function* generatorVars(a) { var x; yield x; x = a; yield x; }
  function varInLoop() { for (var i = 0; i < 2; i++) { var y; if (i === 0) y = 1; } return y; }
  function mappedArguments(a) { arguments[0] = 9; return a; }
  function unmappedArguments(a) { "use strict"; arguments[0] = 9; return a; }
  function duplicateParameters(a, a) { return a; }
  function defaultsAndPatterns(a = 1, { b } = { b: 2 }, ...rest) { var c; return [a, b, rest, c]; }
  function capturedParameter(a) { var get = () => a; a = 3; return get(); }
  function missingArguments(a, b, c) { var d; return [a, b, c, d]; }
  const arrow = (a, b) => { var t = a * b; return [t, a, b]; };
  async function asyncVars(a) { var x; await null; x = a + 1; return [x, a]; }
  return {
    data: {
      varShadowsParameter: varShadowsParameter(7),
      varStartsUndefined: varStartsUndefined() === undefined,
      recursiveVars: recursiveVars(3),
      generatorVars: [...generatorVars(4)].map(String),
      varInLoop: varInLoop(),
      mappedArguments: mappedArguments(1),
      unmappedArguments: unmappedArguments(1),
      duplicateParameters: duplicateParameters(1, 2),
      defaultsAndPatterns: [defaultsAndPatterns(), defaultsAndPatterns(5, { b: 6 }, 7, 8)].map((row) => row.map(String)),
      capturedParameter: capturedParameter(1),
      missingArguments: missingArguments(1).map(String),
      arrow: arrow(3, 4),
      asyncVars: await asyncVars(1),
      readBeforeAssign: readBeforeAssign(),
      readBeforeUpdate: readBeforeUpdate(),
      varReadBeforeAssign: varReadBeforeAssign(),
      twoAssignments: twoAssignments(),
      assignedOperandThenShift: assignedOperandThenShift(),
      comparisonAfterAssign: comparisonAfterAssign(),
      salsaRound: salsaRound(),
      keyReassignedByValue: keyReassignedByValue(),
      objectReassignedByValue: objectReassignedByValue(),
      objectReassignedByKey: objectReassignedByKey(),
      readObjectReassignedByKey: readObjectReassignedByKey(),
      compoundKeyReassigned: compoundKeyReassigned(),
      compoundReadsItself: compoundReadsItself(),
      commaChain: commaChain(),
      shortCircuit: shortCircuit(),
      logicalAssign: logicalAssign(),
      conditionalSelf: conditionalSelf(),
      loop: loop(),
      constWrite: constWrite(),
      arrayOfSelf: arrayOfSelf(),
      callWithSelf: callWithSelf(),
      templateWithSelf: templateWithSelf(),
      typedArrays: typedArrays(),
    },
  };
};
