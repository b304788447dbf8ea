// `{a = 1}` is only valid as a destructuring target; anywhere else it is an early SyntaxError, also inside
// nested functions, methods, arrows and parameter defaults. The parser checks each function's body once, when
// it parses it (a patch of the vendored Boa), and each enclosing body checks its nested functions' parameters.
module.exports = async () => {
  const cases = [
    "({a = 1});",
    "function f() { return ({a = 1}); }",
    "function f() { function g() { return ({a = 1}); } }",
    "var o = { m() { return ({a = 1}); } };",
    "class C { m() { return ({a = 1}); } static { ({b = 2}); } }",
    "var f = () => ({a = 1});",
    "var f = () => { return ({a = 1}); };",
    "function f(x = ({a = 1})) {}",
    "function f() { function g(x = ({a = 1})) {} }",
    "var f = async function () { return ({a = 1}); };",
    "var f = function* () { yield ({a = 1}); };",
    "var f = async function* () { yield ({a = 1}); };",
    "async function f() { await ({a = 1}); }",
    "({a = 1} = {});",
    "function f() { function g() { ({a = 1} = {}); return a; } }",
    "var f = (x = ({a = 1})) => x;",
    "var f = ({a = 1}) => a;",
    "function f() { for ({a = 1} of []) {} }",
  ];
  return { data: cases.map((source) => { try { new Function(source); return "ok"; } catch (error) { return error.name; } }) };
};
