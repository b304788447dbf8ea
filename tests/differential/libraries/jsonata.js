// paste jsonata = jsonata/jsonata.min.js
// A JSON query language over an API response: paths, filters, aggregation, string functions and a
// transformed output object. JSONata evaluates asynchronously.
module.exports = async () => {
  const data = {
    orders: [
      { id: 1, customer: "Ada", lines: [{ sku: "A", qty: 2, price: 9.5 }, { sku: "B", qty: 1, price: 20 }] },
      { id: 2, customer: "Bob", lines: [{ sku: "A", qty: 5, price: 9.5 }] },
      { id: 3, customer: "Ada", lines: [] },
    ],
  };
  const evaluate = (expression) => jsonata(expression).evaluate(data);
  return {
    data: {
      totals: await evaluate("orders.{ 'id': id, 'total': $sum(lines.(qty * price)) }"),
      skus: await evaluate("$distinct(orders.lines.sku)"),
      filtered: await evaluate("orders[customer = 'Ada' and $count(lines) > 0].id"),
      grouped: await evaluate("orders{ customer: $count(id) }"),
      strings: await evaluate("$join(orders.$uppercase(customer), ', ') & ' / ' & $substringBefore('a-b-c', '-')"),
      numbers: await evaluate("[$round(2.675, 2), $formatNumber(1234.5, '#,##0.00'), $string(1e21)]"),
      sorted: await evaluate("orders^(>id).id"),
      conditional: await evaluate("orders.(lines ? 'has lines' : 'empty')"),
      regex: await evaluate("$match('ab12cd345', /\\d+/).match"),
    },
  };
};
