// paste _ = lodash/lodash.min.js
// Functional utilities over API records: grouping, sorting, picking, deep merge and paths, chunking,
// templates, debounce-free helpers and string case conversion.
module.exports = async () => {
  const orders = [
    { id: 3, customer: { name: "Ada", tier: "gold" }, total: 120.5, tags: ["a", "b"] },
    { id: 1, customer: { name: "Bob", tier: "silver" }, total: 80, tags: ["b"] },
    { id: 2, customer: { name: "Cy", tier: "gold" }, total: 42.25, tags: [] },
  ];
  return {
    data: {
      byTier: _.mapValues(_.groupBy(orders, "customer.tier"), (group) => _.map(group, "id")),
      sorted: _.map(_.orderBy(orders, ["customer.tier", "total"], ["asc", "desc"]), "id"),
      sum: _.sumBy(orders, "total"),
      picked: _.map(orders, (order) => _.pick(order, ["id", "customer.name"])),
      merged: _.merge({ a: { b: [1, { c: 1 }] } }, { a: { b: [2, { d: 2 }] } }, { e: 3 }),
      path: [_.get(orders, "[0].customer.name"), _.get(orders, "[5].customer.name", "none"), _.has(orders[0], "tags[1]")],
      set: _.set({}, "a[0].b.c", 4),
      chunks: _.chunk(_.range(1, 8), 3),
      unique: _.uniqBy([{ k: 1 }, { k: 2 }, { k: 1 }], "k"),
      difference: _.differenceWith([{ x: 1 }, { x: 2 }], [{ x: 1 }], _.isEqual),
      cases: [_.camelCase("Get Data from API"), _.kebabCase("someValueHere"), _.snakeCase("Foo Bar"), _.startCase("hello-world")],
      template: _.template("Hello <%= name %>! <% _.forEach(items, function(i) { %><li><%- i %></li><% }); %>")({ name: "Ada", items: ["<x>", "y"] }),
      deepEqual: _.isEqual({ a: [1, { b: new Date(0) }] }, { a: [1, { b: new Date(0) }] }),
      cloned: (() => {
        const source = { nested: { list: [1, 2] } };
        const copy = _.cloneDeep(source);
        copy.nested.list.push(3);
        return [source.nested.list.length, copy.nested.list.length];
      })(),
      flattened: _.flattenDeep([1, [2, [3, [4]]]]),
      zipped: _.zipObject(["a", "b"], [1, 2]),
      escaped: _.escape('<a href="x">&</a>'),
    },
  };
};
