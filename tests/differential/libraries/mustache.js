// paste Mustache = mustache/mustache.min.js
// Logic-less templates: escaping, sections over lists, inverted sections, partials and custom delimiters.
module.exports = async () => {
  const view = {
    customer: { name: "Jane <Smith> & Co" },
    items: [{ sku: "A-1", qty: 2, price: "9.50" }, { sku: "B-2", qty: 1, price: "20.00" }],
    empty: [],
    total: () => "39.00",
  };
  return {
    data: {
      escaped: Mustache.render("Dear {{customer.name}}, raw: {{{customer.name}}}", view),
      list: Mustache.render("{{#items}}- {{sku}} x{{qty}} @ {{price}}\n{{/items}}Total {{total}}", view),
      inverted: Mustache.render("{{^empty}}nothing here{{/empty}}", view),
      partial: Mustache.render("{{> line}}", view, { line: "{{#items}}[{{sku}}]{{/items}}" }),
      delimiters: Mustache.render("{{=<% %>=}}<% customer.name %> {{literal}}", view),
      parsedTokens: Mustache.parse("a {{b}} {{#c}}d{{/c}}").map((token) => token[0]),
    },
  };
};
