// paste Handlebars = handlebars/dist/handlebars.min.js
// Compiled templates with helpers, each/if blocks, partials and escaping: Handlebars compiles templates to
// JavaScript functions at run time.
module.exports = async () => {
  const hb = Handlebars.create();
  hb.registerHelper("money", (value) => `$${Number(value).toFixed(2)}`);
  hb.registerHelper("upper", (text) => String(text).toUpperCase());
  hb.registerPartial("row", "<tr><td>{{sku}}</td><td>{{money price}}</td></tr>");
  const template = hb.compile(
    "<h1>{{upper title}}</h1>{{#if items.length}}<table>{{#each items}}{{> row}}{{/each}}</table>{{else}}none{{/if}}<p>{{note}}</p>{{#each tags}}{{@index}}:{{this}} {{/each}}",
  );
  return {
    data: {
      html: template({ title: "Order 42", items: [{ sku: "A", price: 9.5 }, { sku: "B<", price: 20 }], note: "<b>&</b>", tags: ["x", "y"] }),
      empty: template({ title: "none", items: [], note: "", tags: [] }),
      precompiledLength: typeof hb.precompile("{{a}}"),
      safe: hb.compile("{{{raw}}} {{raw}}")({ raw: "<i>" }),
    },
  };
};
